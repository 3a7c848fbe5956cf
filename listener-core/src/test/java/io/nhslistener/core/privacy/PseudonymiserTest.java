package io.nhslistener.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PseudonymiserTest {
  private static final String KEY = "test-key-0123456789abcdef";

  @Test
  void isTheTruncatedHmacOfSourceNulHandle() {
    // Known answer from an independent implementation (Python's hmac module), first 16 bytes in hex.
    assertEquals("6140e6ffbed800f62c0ec67b04af43ef",
        new Pseudonymiser(KEY).authorKey("mastodon", "alice@example.social"));
  }

  @Test
  void dependsOnKeySourceAndHandle() {
    Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);
    String key = pseudonymiser.authorKey("mastodon", "alice");
    assertEquals(key, pseudonymiser.authorKey("mastodon", "alice"));
    assertNotEquals(key, pseudonymiser.authorKey("bluesky", "alice"));
    assertNotEquals(key, pseudonymiser.authorKey("mastodon", "alicf"));
    assertNotEquals(key, new Pseudonymiser(KEY + "x").authorKey("mastodon", "alice"));
  }

  @Test
  void shortKeysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser("short"));
    assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(null));
  }
}
