package io.nhslistener.app.rules;

import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code listener.mentions.matched} (committed records only) from its current end on a thread of its own, and
 * notes when the first record of each organisation arrived. Assigned partitions, no consumer group, so there is no
 * group join between an action and the measurement of its effect.
 */
final class MatchedWatcher implements AutoCloseable {
  private final KafkaConsumer<String, MatchedMention> consumer;
  private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
  private final Set<String> mentionIds = ConcurrentHashMap.newKeySet();
  private final Thread thread;

  MatchedWatcher(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        Topics.MENTIONS_MATCHED.valueSerde().deserializer());
    String topic = Topics.MENTIONS_MATCHED.name();
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(info -> new TopicPartition(topic, info.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    thread = new Thread(this::run, "matched-watcher");
    thread.start();
  }

  private void run() {
    try {
      while (true) {
        for (ConsumerRecord<String, MatchedMention> record : consumer.poll(Duration.ofMillis(50))) {
          firstSeenNanos.putIfAbsent(record.key(), System.nanoTime());
          mentionIds.add(record.value().mention().id());
        }
      }
    } catch (WakeupException closing) {
      consumer.close();
    }
  }

  /** {@link System#nanoTime()} when the first record of {@code orgId} arrived, or null. */
  Long firstSeen(String orgId) {
    return firstSeenNanos.get(orgId);
  }

  /** Whether a match of the mention {@code id} has arrived. */
  boolean matched(String id) {
    return mentionIds.contains(id);
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the matched-topic reader", e);
    }
  }
}
