package io.nhslistener.app.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic with {@code isolation.level=read_committed}, as raw bytes, without a consumer group: each
 * {@link #readToEnd()} adds what was committed since the last call, up to the last stable offset at that moment. Not
 * thread-safe.
 */
public final class CommittedReader implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration CALL_LIMIT = Duration.ofSeconds(60);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TopicPartition> partitions;
  private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

  /** @param kafka client properties: {@code bootstrap.servers} and any security settings */
  public CommittedReader(Map<String, Object> kafka, String topic) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.partitions = consumer.partitionsFor(topic, CALL_LIMIT).stream()
        .map(info -> new TopicPartition(topic, info.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Reads up to the current last stable offset of every partition; returns everything read so far. */
  public List<ConsumerRecord<byte[], byte[]>> readToEnd() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, CALL_LIMIT);
    long deadline = System.nanoTime() + CALL_LIMIT.toNanos();
    while (!reached(ends)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + partitions + " to " + ends + " within " + CALL_LIMIT);
      }
      consumer.poll(POLL).forEach(records::add);
    }
    return List.copyOf(records);
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey(), CALL_LIMIT) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
