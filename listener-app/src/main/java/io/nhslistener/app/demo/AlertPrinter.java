package io.nhslistener.app.demo;

import io.nhslistener.alerts.delivery.DashboardLinks;
import io.nhslistener.alerts.delivery.message.AlertView;
import io.nhslistener.alerts.delivery.message.Notification;
import io.nhslistener.alerts.delivery.message.PlainTextMessage;
import io.nhslistener.alerts.delivery.message.Wording;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.topic.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints each alert of this demo run as a comms officer would read it, as it is committed to {@code listener.alerts},
 * and remembers when each arrived for the summary.
 */
final class AlertPrinter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertPrinter.class);

  /**
   * An alert as the demo saw it.
   *
   * @param alert the alert
   * @param seenAt wall time the demo read it
   */
  record Seen(Alert alert, Instant seenAt) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final PrintWriter out;
  private final Map<String, String> orgNames;
  private final PlainTextMessage message;
  private final DashboardLinks dashboards;
  private final List<Seen> seen = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  AlertPrinter(Map<String, Object> kafka, Map<TopicPartition, Long> startOffsets, PrintWriter out,
      Map<String, String> orgNames, ZoneId zone, DashboardLinks dashboards) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "demo-alert-printer");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = startOffsets.keySet().stream()
        .filter(partition -> partition.topic().equals(Topics.ALERTS.name())).toList();
    consumer.assign(partitions);
    partitions.forEach(partition -> consumer.seek(partition, startOffsets.get(partition)));
    this.out = out;
    this.orgNames = Map.copyOf(orgNames);
    this.message = new PlainTextMessage(new Wording(zone));
    this.dashboards = dashboards;
    this.thread = new Thread(this::run, "demo-alert-printer");
  }

  void start() {
    thread.start();
  }

  /** Every alert seen so far, in arrival order. */
  synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(250))) {
          print(record);
        }
      }
    } catch (WakeupException e) {
      LOG.debug("alert printer stopping");
    } finally {
      consumer.close();
    }
  }

  private void print(ConsumerRecord<byte[], byte[]> record) {
    Alert alert;
    try {
      alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    } catch (RecordFormatException e) {
      LOG.warn("skipping an unreadable alert at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.getMessage());
      return;
    }
    if (alert == null) {
      return;
    }
    synchronized (this) {
      seen.add(new Seen(alert, Instant.now()));
    }
    String name = orgNames.getOrDefault(alert.orgId(), alert.orgId());
    synchronized (out) {
      out.println();
      out.println(message.render(Notification.single(new AlertView(alert, name, dashboards.forAlert(alert)))).strip());
      out.println();
      out.flush();
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
