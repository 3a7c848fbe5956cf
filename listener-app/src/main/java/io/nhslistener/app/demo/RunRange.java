package io.nhslistener.app.demo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one run's committed records of a topic: from the run's start offsets to the end as of the call. */
final class RunRange {
  private RunRange() {}

  /**
   * Hands every committed record with a key and a value in the range to {@code each}, partition by partition in
   * offset order.
   *
   * @throws IllegalStateException when the range cannot be read within {@code timeout}
   */
  static void read(Map<String, Object> kafka, String topic, Map<TopicPartition, Long> from, Duration timeout,
      BiConsumer<String, byte[]> each) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = from.keySet().stream().filter(p -> p.topic().equals(topic)).toList();
      consumer.assign(partitions);
      partitions.forEach(partition -> consumer.seek(partition, from.get(partition)));
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.key() != null && record.value() != null) {
            each.accept(record.key(), record.value());
          }
        }
      }
    }
  }
}
