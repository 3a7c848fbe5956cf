package io.nhslistener.alerts.topology;

import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one organisation's history for a backtest: its current watch from {@code listener.rules}, and its windows from
 * a stats topic — only the partition its key hashes to (Kafka's default partitioner, which Kafka Streams uses too),
 * from a start time to the end offsets seen when reading began. Unreadable records are skipped and counted. Not
 * thread-safe; the caller owns and closes the consumer.
 */
final class HistoryReader {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryReader.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
  private final Duration timeout;
  private long unreadable;

  /**
   * @param consumer a consumer without a group (partitions are assigned), reading committed records only
   * @param timeout longest time one topic may take to read
   */
  HistoryReader(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, Duration timeout) {
    this.consumer = consumer;
    this.timeout = timeout;
  }

  /** Records skipped so far because they could not be read. */
  long unreadable() {
    return unreadable;
  }

  /**
   * The organisation's watch as {@code listener.rules} holds it now, or null when it has none (never watched, or
   * removed).
   *
   * @throws IllegalArgumentException if the topic does not exist
   * @throws TimeoutException if the topic cannot be read to its end in time
   */
  Watch currentWatch(String orgId) {
    Watch[] current = new Watch[1];
    readToEnd(partitions(Topics.RULES.name()), null, record -> {
      if (!orgId.equals(key(record))) {
        return;
      }
      try {
        current[0] = Topics.RULES.valueSerde().deserializer().deserialize(record.topic(), record.value());
      } catch (RecordFormatException e) {
        skip(record, e);
      }
    });
    return current[0];
  }

  /**
   * Passes the organisation's readable windows on {@code topic} that start at or after {@code from}, in topic order.
   *
   * @param from earliest window start, or null for everything the topic retains
   * @throws IllegalArgumentException if the topic does not exist
   * @throws TimeoutException if the partition cannot be read to its end in time
   */
  void windows(String orgId, String topic, Instant from, Consumer<WindowStats> sink) {
    List<TopicPartition> partitions = partitions(topic);
    byte[] key = orgId.getBytes(StandardCharsets.UTF_8);
    TopicPartition partition = new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions.size());
    Map<TopicPartition, Long> start = null;
    if (from != null) {
      // Windows are stamped when appended (Topic.STAMPED_ON_APPEND), which is after they start (event time never
      // runs ahead of the wall clock): no window starting at or after `from` has an earlier timestamp.
      OffsetAndTimestamp found = consumer.offsetsForTimes(Map.of(partition, from.toEpochMilli()), timeout)
          .get(partition);
      start = found == null ? consumer.endOffsets(List.of(partition), timeout) : Map.of(partition, found.offset());
    }
    readToEnd(List.of(partition), start, record -> {
      if (record.value() == null || !Arrays.equals(key, record.key())) {
        return;
      }
      WindowStats window;
      try {
        window = Topics.ORG_STATS.valueSerde().deserializer().deserialize(record.topic(), record.value());
      } catch (RecordFormatException e) {
        skip(record, e);
        return;
      }
      if (from == null || !window.windowStart().isBefore(from)) {
        sink.accept(window);
      }
    });
  }

  private List<TopicPartition> partitions(String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalArgumentException("topic " + topic + " does not exist");
    }
    return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
  }

  /** Passes every record of {@code partitions} from {@code start} (null: the beginning) to the end offsets now. */
  private void readToEnd(List<TopicPartition> partitions, Map<TopicPartition, Long> start,
      Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    consumer.assign(partitions);
    Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
    for (TopicPartition partition : partitions) {
      if (start == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, start.get(partition));
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!end.isEmpty()) {
      end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
      if (end.isEmpty()) {
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("reading " + end.keySet() + " to offsets " + end.values() + " took longer than "
            + timeout);
      }
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        Long last = end.get(new TopicPartition(record.topic(), record.partition()));
        if (last != null && record.offset() < last) {
          sink.accept(record);
        }
      }
    }
    consumer.unsubscribe();
  }

  private void skip(ConsumerRecord<byte[], byte[]> record, RecordFormatException e) {
    unreadable++;
    LOG.warn("Backtest skips an unreadable record of {} partition {} offset {}: {}.{}", record.topic(),
        record.partition(), record.offset(), e.recordType(), e.field());
  }

  private static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
  }
}
