package io.nhslistener.app.bench;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the pipeline publishes, as a downstream reader would ({@code read_committed}), and times it:
 * <ul>
 *   <li>produce → matched: when a record of {@code listener.mentions.matched} becomes readable, minus its mention's
 *       {@code createdAt}, which the benchmark's source sets to the moment it hands the mention to the ingest producer
 *       (the record's own timestamp is when the broker appended it);
 *   <li>window close → alert: when an alert becomes readable, minus its base window's end plus the grace period (the
 *       moment the window could close).
 * </ul>
 * Only mentions produced after the warm-up are timed. Runs on its own thread.
 */
final class LatencyProbe implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LatencyProbe.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private final long timedFromMillis;
  private final long graceMillis;
  private final Duration window;
  private final Instant runStart;
  private final Latencies matched = new Latencies();
  private final Latencies alerts = new Latencies();
  private final AtomicLong matchedRecords = new AtomicLong();
  private final AtomicLong alertRecords = new AtomicLong();
  private volatile boolean stopping;
  private boolean started;

  /**
   * @param from where to start reading each partition of the matched and alerts topics
   * @param timedFrom only mentions created (produced) later are timed
   */
  LatencyProbe(Map<String, Object> kafka, Map<TopicPartition, Long> from, Instant timedFrom, Duration window,
      Duration grace, Instant runStart) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-latency-probe");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = from.keySet().stream()
        .filter(p -> p.topic().equals(Topics.MENTIONS_MATCHED.name()) || p.topic().equals(Topics.ALERTS.name()))
        .toList();
    consumer.assign(partitions);
    partitions.forEach(p -> consumer.seek(p, from.get(p)));
    this.timedFromMillis = timedFrom.toEpochMilli();
    this.graceMillis = grace.toMillis();
    this.window = window;
    this.runStart = runStart;
    this.thread = new Thread(this::run, "bench-latency-probe");
    thread.setDaemon(true);
  }

  synchronized void start() {
    started = true;
    thread.start();
  }

  private void run() {
    try {
      while (!stopping) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          long nowMicros = micros(Instant.now());
          if (record.topic().equals(Topics.ALERTS.name())) {
            alert(record, nowMicros);
          } else {
            matched(record, nowMicros);
          }
        }
      }
    } catch (WakeupException e) {
      // close() woke the poll: stopping.
    } catch (RuntimeException e) {
      LOG.error("bench: the latency probe stopped: {}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void matched(ConsumerRecord<byte[], byte[]> record, long nowMicros) {
    matchedRecords.incrementAndGet();
    MatchedMention value = Topics.MENTIONS_MATCHED.valueSerde().deserializer().deserialize(record.topic(),
        record.value());
    long produced = value.mention().createdAt().toEpochMilli();
    if (produced >= timedFromMillis) {
      matched.record(nowMicros - produced * 1000);
    }
  }

  private void alert(ConsumerRecord<byte[], byte[]> record, long nowMicros) {
    Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    if (alert == null || !Duration.between(alert.windowStart(), alert.windowEnd()).equals(window)
        || !alert.windowEnd().isAfter(runStart)) {
      return;
    }
    alertRecords.incrementAndGet();
    alerts.record(nowMicros - (alert.windowEnd().toEpochMilli() + graceMillis) * 1000);
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
  }

  /** Produce → matched latencies of timed records. */
  Latencies matched() {
    return matched;
  }

  /** Window close → alert latencies of alerts on windows of this run. */
  Latencies alerts() {
    return alerts;
  }

  long matchedRecords() {
    return matchedRecords.get();
  }

  long alertRecords() {
    return alertRecords.get();
  }

  @Override
  public synchronized void close() {
    if (!started) {
      consumer.close(Duration.ofSeconds(5));
      return;
    }
    stopping = true;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
