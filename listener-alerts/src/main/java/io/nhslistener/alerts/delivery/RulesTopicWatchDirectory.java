package io.nhslistener.alerts.delivery;

import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchlist as the compacted {@code listener.rules} topic holds it, read from the beginning by a consumer outside
 * any group (every instance needs every organisation) and kept up to date by a background thread. A tombstone removes
 * an organisation. A malformed record is logged and skipped, keeping the organisation's previous watch; the rule
 * matcher, the topic's main reader, dead-letters it. Partitions added to the topic later are not picked up until a
 * restart.
 */
public final class RulesTopicWatchDirectory implements WatchDirectory, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RulesTopicWatchDirectory.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaConsumer<String, byte[]> consumer;
  private final ConcurrentMap<String, Watch> watches = new ConcurrentHashMap<>();
  private final CountDownLatch loaded = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closing;

  private RulesTopicWatchDirectory(Map<String, Object> kafka) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "listener-alerts-watchlist");
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "alerts-watchlist");
    this.thread.setDaemon(true);
  }

  /**
   * Starts reading {@code listener.rules} and waits until the records present at start have been read, or
   * {@code timeout} passed (then alerts may be routed by {@code alerts.defaultRoutes} until the watchlist arrives,
   * which is logged).
   *
   * @param kafka Kafka client properties ({@code bootstrap.servers} and security)
   */
  public static RulesTopicWatchDirectory start(Map<String, Object> kafka, Duration timeout) {
    RulesTopicWatchDirectory directory = new RulesTopicWatchDirectory(kafka);
    directory.thread.start();
    try {
      if (!directory.loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("the watchlist on {} was not read within {} s; continuing while it loads",
            Topics.RULES.name(), timeout.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return directory;
  }

  @Override
  public Optional<Watch> find(String orgId) {
    return Optional.ofNullable(watches.get(orgId));
  }

  /** True once the records present at start have been read. */
  public boolean isLoaded() {
    return loaded.getCount() == 0;
  }

  /** True while the reading thread runs. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (!closing) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          apply(record);
        }
        if (loaded.getCount() > 0 && caughtUp(end)) {
          LOG.info("watchlist loaded: {} organisations", watches.size());
          loaded.countDown();
        }
      }
    } catch (WakeupException e) {
      if (!closing) {
        LOG.error("watchlist reader woken unexpectedly; it stops", e);
      }
    } catch (RuntimeException e) {
      LOG.error("watchlist reader stopped; alerts keep the last watchlist read", e);
    } finally {
      consumer.close();
    }
  }

  private boolean caughtUp(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private List<TopicPartition> awaitPartitions() {
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(Topics.RULES.name());
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      LOG.info("waiting for topic {} to exist", Topics.RULES.name());
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WakeupException();
      }
      if (closing) {
        throw new WakeupException();
      }
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      LOG.warn("{} record at {}-{} has no key; skipped", Topics.RULES.name(), record.partition(), record.offset());
      return;
    }
    if (record.value() == null) {
      watches.remove(record.key());
      return;
    }
    try {
      Watch watch = Topics.RULES.valueSerde().deserializer().deserialize(record.topic(), record.value());
      watches.put(record.key(), watch);
    } catch (RecordFormatException e) {
      LOG.warn("{} record at {}-{} for {} is not a valid watch ({}); keeping the previous one", Topics.RULES.name(),
          record.partition(), record.offset(), record.key(), e.getMessage());
    }
  }
}
