package io.nhslistener.core.deadletter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.deadletter.DeadLetters.Reason;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  private static final int KAFKA_DEFAULT_LIMIT = 1024 * 1024;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DeadLetters deadLetters = new DeadLetters(registry,
      Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void aSmallRecordIsCopiedWholeAndCounted() {
    byte[] key = "trust-a".getBytes(StandardCharsets.UTF_8);
    byte[] value = "{\"v\":1,".getBytes(StandardCharsets.UTF_8);
    ProducerRecord<byte[], byte[]> record = deadLetters.record("match", Reason.MALFORMED, "Mention.text: is required",
        "listener.mentions.unique", 2, 41, key, value);
    DeadLetter letter = read(record);
    assertEquals("listener.deadletter", record.topic());
    assertArrayEquals(key, record.key());
    assertArrayEquals(value, letter.value());
    assertEquals("malformed: Mention.text: is required", letter.reason());
    assertEquals(1.0, registry.get("listener.deadletters").tags("stage", "match", "reason", "malformed").counter()
        .count());
  }

  @Test
  void aRecordNearKafkasLimitIsCutSoThatItsDeadLetterStillFits() {
    byte[] key = "k".repeat(5_000).getBytes(StandardCharsets.UTF_8);
    byte[] value = new byte[1_000_000];
    Arrays.fill(value, (byte) 'a');
    ProducerRecord<byte[], byte[]> record = deadLetters.record("dedupe", Reason.MALFORMED, "Mention.text: too long",
        "listener.mentions.raw", 0, 7, key, value);
    DeadLetter letter = read(record);
    assertTrue(record.key().length + record.value().length < KAFKA_DEFAULT_LIMIT - 1024,
        "dead letter of " + (record.key().length + record.value().length) + " bytes");
    assertEquals(DeadLetters.MAX_COPIED_KEY_BYTES, letter.key().length);
    assertArrayEquals(Arrays.copyOf(key, DeadLetters.MAX_COPIED_KEY_BYTES), letter.key());
    assertEquals(DeadLetters.MAX_COPIED_BYTES - DeadLetters.MAX_COPIED_KEY_BYTES, letter.value().length);
    assertArrayEquals(Arrays.copyOf(value, letter.value().length), letter.value());
    assertTrue(letter.reason().startsWith("malformed: Mention.text: too long (copy cut to the first 1024 of 5000 key "
        + "bytes and 523264 of 1000000 value bytes"), letter.reason());
    assertEquals("listener.mentions.raw", letter.origin());
    assertEquals(7, letter.offset());
  }

  private static DeadLetter read(ProducerRecord<byte[], byte[]> record) {
    return Topics.DEADLETTER.valueSerde().deserializer().deserialize(record.topic(), record.value());
  }
}
