package io.nhslistener.alerts.delivery.channel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature scheme, documented in {@code docs/operations.md} for receivers:
 *
 * <pre>
 * X-Listener-Timestamp: &lt;unix seconds when the request was signed&gt;
 * X-Listener-Signature: v1=&lt;lower-case hex HMAC-SHA256(secret, timestamp + "." + raw body bytes)&gt;
 * Idempotency-Key:      &lt;alert id&gt;
 * </pre>
 *
 * A receiver recomputes the HMAC over the exact bytes it received, compares in constant time, and rejects timestamps
 * more than a few minutes from its clock, so that a captured request cannot be replayed later. Every retry is signed
 * afresh with a new timestamp; the idempotency key stays the same. Thread-safe.
 */
public final class WebhookSignature {
  public static final String TIMESTAMP_HEADER = "X-Listener-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Listener-Signature";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  /** Shortest secret accepted, in characters. */
  public static final int MIN_SECRET_LENGTH = 16;

  private static final String ALGORITHM = "HmacSHA256";
  private static final String VERSION = "v1=";

  private final SecretKeySpec key;

  /**
   * @throws IllegalArgumentException when the secret is shorter than {@link #MIN_SECRET_LENGTH}
   */
  public WebhookSignature(String secret) {
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("a webhook secret needs at least " + MIN_SECRET_LENGTH + " characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The {@value #SIGNATURE_HEADER} value for a body sent at {@code timestampSeconds}. */
  public String sign(long timestampSeconds, byte[] body) {
    return VERSION + HexFormat.of().formatHex(mac(timestampSeconds, body));
  }

  /**
   * Checks a received request: the signature matches the body and timestamp, and the timestamp is within
   * {@code tolerance} of {@code now}. Never throws for malformed headers; they fail the check.
   */
  public boolean verify(String timestampHeader, String signatureHeader, byte[] body, Instant now,
      Duration tolerance) {
    if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith(VERSION)
        || !timestampHeader.matches("\\d{1,12}")) {
      return false;
    }
    long timestamp = Long.parseLong(timestampHeader);
    if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signatureHeader.substring(VERSION.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(timestamp, body), given);
  }

  private byte[] mac(long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
