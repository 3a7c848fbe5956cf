package io.nhslistener.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns an author handle into a stable pseudonym: the keyed HMAC-SHA256 of {@code source + NUL + handle}, cut to its
 * first 128 bits and written as 32 lower-case hex digits. The same handle on the same source always gives the same key
 * (so distinct authors can be counted), while without the key nobody can go back from the pseudonym to the handle or
 * confirm a guess. Thread-safe.
 */
public final class Pseudonymiser {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int KEY_BYTES = 16;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final ThreadLocal<Mac> macs;

  /**
   * @param key the secret key, at least 16 bytes once encoded as UTF-8
   * @throws IllegalArgumentException when the key is null or shorter than 16 bytes
   */
  public Pseudonymiser(String key) {
    if (key == null || key.getBytes(StandardCharsets.UTF_8).length < 16) {
      throw new IllegalArgumentException("privacy.hmacKey must be at least 16 bytes long");
    }
    SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    // Mac instances are not thread-safe; each thread gets its own initialised copy.
    this.macs = ThreadLocal.withInitial(() -> newMac(spec));
  }

  /**
   * The pseudonym of {@code handle} on {@code source}.
   *
   * @param source source type, e.g. {@code mastodon}; part of the input so equal handles on two networks differ
   * @param handle the author's handle or account id as the source gives it; never logged or stored
   * @return 32 hex digits
   */
  public String authorKey(String source, String handle) {
    Mac mac = macs.get();
    mac.update(source.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    byte[] digest = mac.doFinal(handle.getBytes(StandardCharsets.UTF_8));
    char[] out = new char[KEY_BYTES * 2];
    for (int i = 0; i < KEY_BYTES; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[digest[i] & 0xF];
    }
    return new String(out);
  }

  private static Mac newMac(SecretKeySpec spec) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(spec);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java 17 runtime ships HmacSHA256 and accepts any non-empty key.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
