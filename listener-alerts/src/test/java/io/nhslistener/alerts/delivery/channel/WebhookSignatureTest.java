package io.nhslistener.alerts.delivery.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET = "whsec_0123456789abcdef";
  private static final byte[] BODY = "{\"id\":\"a1\",\"orgId\":\"north-trust\"}".getBytes(StandardCharsets.UTF_8);
  private static final Duration TOLERANCE = Duration.ofMinutes(5);
  private final WebhookSignature signature = new WebhookSignature(SECRET);

  @Test
  void signsTimestampDotBodyWithHmacSha256() {
    // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b'whsec_0123456789abcdef',
    //   b'1700000000.{\"id\":\"a1\",\"orgId\":\"north-trust\"}', hashlib.sha256).hexdigest())"
    assertEquals("v1=859afa2a0e7c83c4fa29917fc432b8748c0a07206c9969bf33b70aeecbe4579b",
        signature.sign(1_700_000_000L, BODY));
  }

  @Test
  void verifiesAFreshSignature() {
    String header = signature.sign(1_700_000_000L, BODY);
    assertTrue(signature.verify("1700000000", header, BODY, Instant.ofEpochSecond(1_700_000_100L), TOLERANCE));
  }

  @Test
  void rejectsATamperedBodyAnotherSecretAndAReplayedTimestamp() {
    String header = signature.sign(1_700_000_000L, BODY);
    Instant now = Instant.ofEpochSecond(1_700_000_010L);
    byte[] tampered = "{\"id\":\"a2\",\"orgId\":\"north-trust\"}".getBytes(StandardCharsets.UTF_8);
    assertFalse(signature.verify("1700000000", header, tampered, now, TOLERANCE));
    assertFalse(new WebhookSignature("another-secret-of-enough-length").verify("1700000000", header, BODY, now,
        TOLERANCE));
    assertFalse(signature.verify("1700000001", header, BODY, now, TOLERANCE), "timestamp is signed too");
    assertFalse(signature.verify("1700000000", header, BODY, Instant.ofEpochSecond(1_700_000_000L + 301),
        TOLERANCE), "an old request is a replay");
  }

  @Test
  void malformedHeadersFailTheCheckWithoutThrowing() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    assertFalse(signature.verify(null, "v1=00", BODY, now, TOLERANCE));
    assertFalse(signature.verify("1700000000", null, BODY, now, TOLERANCE));
    assertFalse(signature.verify("yesterday", "v1=00", BODY, now, TOLERANCE));
    assertFalse(signature.verify("1700000000", "v1=not-hex", BODY, now, TOLERANCE));
    assertFalse(signature.verify("1700000000", "sha256=00", BODY, now, TOLERANCE));
  }

  @Test
  void refusesAShortSecret() {
    assertThrows(IllegalArgumentException.class, () -> new WebhookSignature("short"));
  }
}
