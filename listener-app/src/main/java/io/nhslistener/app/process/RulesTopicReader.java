package io.nhslistener.app.process;

import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads what is live on the compacted {@code listener.rules} topic: the latest watch per organisation. */
public final class RulesTopicReader {
  private static final Logger LOG = LoggerFactory.getLogger(RulesTopicReader.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private RulesTopicReader() {}

  /**
   * The live watches by organisation id (tombstoned organisations absent; unreadable records skipped and logged).
   *
   * @throws IllegalStateException when the topic cannot be read to its end within 30 s
   */
  public static Map<String, Watch> read(Map<String, Object> kafka) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    String topic = Topics.RULES.name();
    Map<String, Watch> live = new TreeMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
      List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end within " + TIMEOUT);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          apply(live, record);
        }
      }
    }
    return live;
  }

  private static void apply(Map<String, Watch> live, ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      live.remove(record.key());
      return;
    }
    try {
      live.put(record.key(), Topics.RULES.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    } catch (RecordFormatException e) {
      LOG.warn("skipping an unreadable watch at offset {}: {}", record.offset(), e.getMessage());
    }
  }
}
