package io.nhslistener.ingest.runner;

import io.nhslistener.core.model.SourceCursor;
import io.nhslistener.core.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads positions from the compacted {@code listener.ingest.cursors} topic with {@code read_committed}, so only cursors
 * whose mentions were committed count. Reads every partition from the start to the last stable offset; the topic holds
 * one live record per source instance, so this is quick.
 *
 * <p>Call it after the source's transactional producer ran {@code initTransactions()}: that aborts a transaction a
 * killed predecessor left open, which would otherwise hold the last stable offset back until it timed out.
 */
public final class KafkaCursorStore implements CursorStore {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, Object> consumerProps;

  /** @param kafkaProps client properties (bootstrap servers, security); deserialisers and isolation are set here */
  public KafkaCursorStore(Map<String, ?> kafkaProps) {
    Map<String, Object> props = new HashMap<>(kafkaProps);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    // Producer-only keys from the shared kafka: section would only produce warnings.
    props.keySet().retainAll(ConsumerConfig.configNames());
    this.consumerProps = Map.copyOf(props);
  }

  /**
   * @throws TimeoutException when the topic cannot be read to its end within a minute
   * @throws io.nhslistener.core.model.RecordFormatException when the newest cursor of this source cannot be read
   */
  @Override
  public Optional<String> position(String sourceId) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps)) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_CURSORS.name(), READ_TIMEOUT).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      byte[] latest = null;
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (!reachedEnd(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("cannot read " + Topics.INGEST_CURSORS.name() + " to its end");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (sourceId.equals(record.key())) {
            latest = record.value();
          }
        }
      }
      if (latest == null) {
        return Optional.empty();
      }
      SourceCursor cursor = Topics.INGEST_CURSORS.valueSerde().deserializer()
          .deserialize(Topics.INGEST_CURSORS.name(), latest);
      return Optional.of(cursor.position());
    }
  }

  private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }
}
