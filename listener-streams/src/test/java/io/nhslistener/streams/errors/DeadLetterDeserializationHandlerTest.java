package io.nhslistener.streams.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterDeserializationHandlerTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final byte[] key = "trust-a".getBytes(StandardCharsets.UTF_8);
  private final byte[] value = "{\"v\":1".getBytes(StandardCharsets.UTF_8);
  private final RecordFormatException fault = new RecordFormatException("Watch", "org", null, "is required");

  private Response handle(TaskId task, String node, String topic) {
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    Map<Object, Object> props = new HashMap<>();
    StreamsErrorHandling.configure(props, new DeadLetters(registry, Clock.systemUTC()));
    Map<String, Object> configs = new HashMap<>();
    props.forEach((k, v) -> configs.put(k.toString(), v));
    handler.configure(configs);
    return handler.handleError(context(task, node, topic), new ConsumerRecord<>(topic, 2, 41, key, value), fault);
  }

  @Test
  void unreadableRecordOfAStreamTaskBecomesADeadLetterWithItsBytesAndIsCounted() {
    Response response = handle(new TaskId(1, 2), "windows-source", Topics.MENTIONS_MATCHED.name());
    assertEquals(Result.RESUME, response.result());
    assertEquals(1, response.deadLetterQueueRecords().size());
    ProducerRecord<byte[], byte[]> record = response.deadLetterQueueRecords().get(0);
    assertEquals(Topics.DEADLETTER.name(), record.topic());
    assertArrayEquals(key, record.key());
    DeadLetter letter = Topics.DEADLETTER.valueSerde().deserializer().deserialize("t", record.value());
    assertEquals("windows", letter.stage());
    assertEquals("malformed: Watch.org = null: is required", letter.reason());
    assertEquals(Topics.MENTIONS_MATCHED.name(), letter.origin());
    assertEquals(2, letter.partition());
    assertEquals(41, letter.offset());
    assertArrayEquals(value, letter.value());
    assertEquals(1, registry.get("listener.deadletters").tags("stage", "windows", "reason", "malformed")
        .counter().count());
  }

  @Test
  void inAGlobalStoreThreadTheRecordIsSkippedWithoutADeadLetterOrACount() {
    Response response = handle(new TaskId(-1, -1), "watchlist-source", Topics.RULES.name());
    assertEquals(Result.RESUME, response.result());
    assertTrue(response.deadLetterQueueRecords().isEmpty());
    assertNull(registry.find("listener.deadletters").counter());
  }

  @Test
  void missingDeadLettersInTheConfigurationIsAClearError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new DeadLetterDeserializationHandler().configure(Map.of()));
    assertTrue(e.getMessage().contains(StreamsErrorHandling.DEAD_LETTERS_CONFIG), e.getMessage());
  }

  private static ErrorHandlerContext context(TaskId task, String node, String topic) {
    return new ErrorHandlerContext() {
      @Override public String topic() { return topic; }
      @Override public int partition() { return 2; }
      @Override public long offset() { return 41; }
      @Override public Headers headers() { return new RecordHeaders(); }
      @Override public String processorNodeId() { return node; }
      @Override public TaskId taskId() { return task; }
      @Override public long timestamp() { return 0; }
      @Override public byte[] sourceRawKey() { return null; }
      @Override public byte[] sourceRawValue() { return null; }
    };
  }
}
