package io.nhslistener.app.cli;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.topic.Topic;
import io.nhslistener.core.topic.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the latest records of a mention topic without joining a consumer group. */
final class TopicTail {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final List<Topic<String, Mention>> MENTION_TOPICS =
      List.of(Topics.MENTIONS_UNIQUE, Topics.MENTIONS_RAW);

  private TopicTail() {}

  /**
   * The {@code last} most recent mentions of {@code topicName} (by record timestamp, across partitions), oldest first;
   * committed records only. Unreadable records (the streams role dead-letters them) are skipped and counted on
   * {@code err}.
   *
   * @throws IllegalArgumentException for a topic that does not hold mentions, a count below 1, or a topic that cannot
   *     be read to its end within 30 s
   */
  static List<Mention> read(Map<String, Object> kafka, String topicName, int last, PrintWriter err) {
    Topic<String, Mention> topic = MENTION_TOPICS.stream().filter(t -> t.name().equals(topicName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--topic must be a mention topic: " + MENTION_TOPICS.stream()
            .map(Topic::name).toList()));
    if (last < 1) {
      throw new IllegalArgumentException("--last must be at least 1");
    }
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topicName, TIMEOUT).stream()
          .map(info -> new TopicPartition(topicName, info.partition())).toList();
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      for (TopicPartition partition : partitions) {
        records.addAll(latest(consumer, partition, begin.get(partition), end.get(partition), last, deadline));
      }
    }
    records.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
    List<Mention> mentions = new ArrayList<>();
    int unreadable = 0;
    for (ConsumerRecord<String, byte[]> record : records.subList(Math.max(0, records.size() - last), records.size())) {
      try {
        Mention mention = topic.valueSerde().deserializer().deserialize(topicName, record.value());
        if (mention != null) {
          mentions.add(mention);
        }
      } catch (RecordFormatException e) {
        unreadable++;
      }
    }
    if (unreadable > 0) {
      err.println(unreadable + " unreadable record(s) of " + topicName + " skipped");
    }
    return mentions;
  }

  /**
   * At least {@code last} records of one partition when it holds that many. Transaction markers and aborted records
   * take offsets without being records, so the span read back from the end doubles until it holds enough.
   */
  private static List<ConsumerRecord<String, byte[]>> latest(KafkaConsumer<String, byte[]> consumer,
      TopicPartition partition, long begin, long end, int last, long deadline) {
    consumer.assign(List.of(partition));
    long span = last;
    while (true) {
      long from = Math.max(begin, end - span);
      consumer.seek(partition, from);
      List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
      while (consumer.position(partition) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalArgumentException("could not read " + partition.topic() + " to its end within " + TIMEOUT);
        }
        consumer.poll(Duration.ofMillis(200)).records(partition).stream()
            .filter(record -> record.offset() < end).forEach(read::add);
      }
      if (read.size() >= last || from == begin) {
        return read;
      }
      span *= 2;
    }
  }
}
