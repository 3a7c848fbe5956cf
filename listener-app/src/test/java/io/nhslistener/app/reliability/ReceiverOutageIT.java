package io.nhslistener.app.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.SchemaVersion;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, fault test 4: the alerts role runs ({@code listener run --role alerts}, a child JVM) with a webhook route
 * to a receiver on loopback. The receiver goes down; alerts are published while it is down
 * ({@link ReliabilityScale#receiverOutage()}: 2 minutes with {@code -Preliability}, 20 s by default); the listener
 * retries with its {@code alerts.delivery.*} back-off and must deliver each alert exactly once after the receiver
 * comes back on the same port.
 */
class ReceiverOutageIT {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiverOutageIT.class);
  private static final int ALERTS = 30;

  @TempDir Path dir;
  private ListenerChild child;

  @AfterEach
  void kill() throws InterruptedException {
    if (child != null) {
      child.close();
    }
  }

  @Test
  void everyAlertIsDeliveredExactlyOnceAfterTheReceiverComesBack() throws Exception {
    Duration outage = ReliabilityScale.receiverOutage();
    try (TestKafka cluster = TestKafka.start(dir);
         WebhookReceiver receiver = new WebhookReceiver(0)) {
      Map<String, Object> kafka = cluster.clients();
      Path watchlist = Files.writeString(dir.resolve("watchlist.yaml"), MentionScenario.watchlistYaml("hook"));
      Path config = new PipelineConfig(cluster.bootstrap(), dir.resolve("data"))
          .watchlist(watchlist)
          .webhookDelivery(receiver.url(), "receiver-outage-secret-0123", "500ms", "5s")
          .alerts("delivery.maxAge", "30m")
          .write(dir.resolve("listener.yaml"));
      child = ListenerChild.startHealthy(dir, "alerts", Map.of(), "run", "--config", config.toString(), "--role",
          "alerts");

      receiver.down();
      List<Alert> alerts = alerts();
      publish(cluster.bootstrap(), alerts);
      long downSince = System.nanoTime();
      await("nothing delivered while the receiver is down, and the listener keeps running").during(outage)
          .atMost(outage.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
          .until(() -> child.isAlive() && receiver.accepted().isEmpty());
      double failedDuringOutage = failedAttempts();
      receiver.up();
      long upSince = System.nanoTime();

      Map<String, Integer> once = alerts.stream().collect(Collectors.toMap(Alert::id, a -> 1));
      await("every alert delivered").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
          .until(() -> receiver.accepted().keySet().containsAll(once.keySet()));
      Duration recovered = Duration.ofNanos(System.nanoTime() - upSince);
      await("the delivery group has committed every alert").atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> GroupOffsets.committed(kafka, "listener-alerts-delivery", Topics.ALERTS.name())
              >= GroupOffsets.end(kafka, Topics.ALERTS.name()));
      LOG.info("RELIABILITY receiver-outage [{}]: {} alerts published while the receiver was down for {} s; {} failed "
              + "attempts during the outage; all delivered {} ms after it came back ({} s after the first alert); "
              + "accepted per alert {}", ReliabilityScale.label(), ALERTS, outage.toSeconds(),
          (long) failedDuringOutage, recovered.toMillis(), Duration.ofNanos(System.nanoTime() - downSince).toSeconds(),
          receiver.accepted().values().stream().distinct().toList());
      assertEquals(once, receiver.accepted(), "each alert exactly once");
      assertTrue(failedDuringOutage >= ALERTS, "deliveries were attempted and retried during the outage: "
          + failedDuringOutage);
      assertTrue(child.healthy(), child.health());
      assertEquals(0, child.stop(Duration.ofSeconds(60)));
    }
  }

  private double failedAttempts() {
    return PrometheusSamples.parse(child.scrape()).sum("listener_alert_deliveries_total",
        Map.of("outcome", "failed_attempt"));
  }

  /** One alert per organisation and minute, from the last half hour, so none is too old to deliver. */
  private static List<Alert> alerts() {
    List<Alert> alerts = new ArrayList<>();
    Instant base = Instant.now().minus(Duration.ofMinutes(30));
    for (int i = 0; i < ALERTS; i++) {
      String org = MentionScenario.ORGS.get(i % MentionScenario.ORGS.size());
      Instant start = base.plus(Duration.ofMinutes(i));
      alerts.add(new Alert(SchemaVersion.CURRENT, Alert.idFor(org, AlertKind.VOLUME_SPIKE, start, AlertStatus.FIRING),
          org, AlertKind.VOLUME_SPIKE, Severity.HIGH, AlertStatus.FIRING, start, start.plusSeconds(10), start, 60, 8,
          7.5, "Mentions of " + org + " rose to 60, about 7 times the usual", List.of(), List.of()));
    }
    return alerts;
  }

  /** Publishes in one transaction, as the detector does. */
  private static void publish(String bootstrap, List<Alert> alerts) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "receiver-outage-it");
    try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(props, Topics.ALERTS.keySerde().serializer(),
        Topics.ALERTS.valueSerde().serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      alerts.forEach(alert -> producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.orgId(), alert)));
      producer.commitTransaction();
    }
  }
}
