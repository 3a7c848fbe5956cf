package io.nhslistener.core.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.topic.Topics;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds dead-letter records for {@code listener.deadletter} and counts them in
 * {@code listener_deadletters_total{stage,reason}}. Every stage dead-letters through one instance of this class, so
 * the counter always matches the topic. Thread-safe.
 *
 * <p>The {@code reason} label is a bounded category ({@link Reason}); the full, specific message (field, value, why)
 * goes into the record only, never into a metric label.
 *
 * <p>Limit: a dead letter copies at most {@value #MAX_COPIED_BYTES} bytes of the original key and value (the key
 * then at most {@value #MAX_COPIED_KEY_BYTES}); a larger record is copied in part, which its reason says, so that its
 * dead letter still fits Kafka's default 1 MiB limits. The whole record stays at its origin, which the dead letter
 * names, until that topic's retention.
 */
public final class DeadLetters {
  /** Bounded reason categories, used as a metric label. */
  public enum Reason {
    /** Bytes that are not a valid record (bad JSON, bad UTF-8, wrong type, missing field). */
    MALFORMED,
    /** A record arriving after its window's grace period. */
    LATE,
    /** A valid record the stage could not process (a rule that throws, a delivery that ran out of retries). */
    PROCESSING,
    /** A record too large or too deep to process safely. */
    OVERSIZED;

    /** Lower-case label value. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final String METER = "listener.deadletters";
  /**
   * Most original key and value bytes copied into a dead letter: Base64 makes them a third larger, and the record must
   * stay under Kafka's default 1 MiB request and message limits.
   */
  static final int MAX_COPIED_BYTES = 512 * 1024;
  /** Most key bytes copied when the record is cut: keys are ids, and the dead letter's own key is this copy. */
  static final int MAX_COPIED_KEY_BYTES = 1024;

  private final MeterRegistry registry;
  private final Clock clock;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

  public DeadLetters(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Counts one dead letter and returns the record to produce.
   *
   * @param stage the rejecting stage, a fixed word such as {@code ingest}, {@code dedupe}, {@code match}
   * @param reason the bounded category
   * @param message the specific reason: field, value and why
   * @param origin topic name, or source instance id at ingest
   * @param partition source partition, -1 when not from Kafka
   * @param offset source offset, -1 when not from Kafka
   * @param key original key bytes, may be null
   * @param value original value bytes, may be null
   */
  public ProducerRecord<byte[], byte[]> record(String stage, Reason reason, String message, String origin,
      int partition, long offset, byte[] key, byte[] value) {
    count(stage, reason);
    int keyBytes = key == null ? 0 : key.length;
    int valueBytes = value == null ? 0 : value.length;
    String why = reason.label() + ": " + message;
    if (keyBytes + valueBytes > MAX_COPIED_BYTES) {
      // Copied whole, a record near Kafka's 1 MiB limit would outgrow it once Base64-encoded and the dead letter could
      // never be written, stopping the stage on it for ever. The original stays at its origin until retention.
      key = prefix(key, MAX_COPIED_KEY_BYTES);
      value = prefix(value, MAX_COPIED_BYTES - (key == null ? 0 : key.length));
      why += " (copy cut to the first " + (key == null ? 0 : key.length) + " of " + keyBytes + " key bytes and "
          + (value == null ? 0 : value.length) + " of " + valueBytes + " value bytes; the whole record stays at its "
          + "origin until retention)";
    }
    DeadLetter letter = DeadLetter.of(stage, why, origin, partition, offset, key, value, clock.instant());
    return new ProducerRecord<>(Topics.DEADLETTER.name(), key,
        Topics.DEADLETTER.valueSerde().serializer().serialize(Topics.DEADLETTER.name(), letter));
  }

  private static byte[] prefix(byte[] bytes, int max) {
    return bytes == null || bytes.length <= max ? bytes : Arrays.copyOf(bytes, max);
  }

  /** Counts a dead letter produced by other means (a framework handler that writes the record itself). */
  public void count(String stage, Reason reason) {
    counters.computeIfAbsent(stage + '|' + reason, k -> Counter.builder(METER)
        .description("Records sent to listener.deadletter, by rejecting stage and reason category")
        .tag("stage", stage)
        .tag("reason", reason.label())
        .register(registry)).increment();
  }
}
