package io.nhslistener.app.alerts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.alerts.delivery.DeliveryService;
import io.nhslistener.alerts.delivery.RulesTopicWatchDirectory;
import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.app.broker.KafkaTestClients;
import io.nhslistener.app.config.AppConfig;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.RouteSelection;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.SchemaVersion;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.TermCount;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert delivery on a real broker: read_committed consumption, retries until a flaky receiver accepts, exactly one
 * accepted delivery per alert, a restart with a held alert, and dead letters for what cannot be delivered.
 */
class DeliveryServiceIT {
  private static final String SECRET = "integration-test-secret-32-chars";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @TempDir Path dataDir;
  private EmbeddedBroker broker;
  private Map<String, Object> kafka;

  @BeforeEach
  void startBroker() throws Exception {
    broker = EmbeddedBroker.start(dataDir, "127.0.0.1", FreePorts.pick(), FreePorts.pick());
    kafka = new HashMap<>(KafkaTestClients.base(broker.bootstrapServers()));
    try (Admin admin = Admin.create(kafka)) {
      new TopicAdmin(admin, new TopicSettings(1, 3, (short) 1)).ensure(Topics.ALL);
    }
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  private ListenerConfig config(String receiverUrl, String extraAlerts) {
    String yaml = String.join("\n",
        "alerts:",
        "  cooldown: 0s",
        "  groupWindow: 0s",
        "  delivery:",
        "    groupId: it-delivery",
        "    initialBackoff: 100ms",
        "    maxBackoff: 400ms",
        extraAlerts,
        "routes:",
        "  hook:",
        "    channel: webhook",
        "    url: " + receiverUrl,
        "    secret: " + SECRET,
        "  night-hook:",
        "    channel: webhook",
        "    url: " + receiverUrl,
        "    secret: " + SECRET,
        "    quietHours: {from: \"22:00\", to: \"07:00\", zone: Europe/London}",
        "");
    return AppConfig.loader(Map.of()).parse(yaml, "it.yaml").withKafka(Map.of("bootstrap.servers",
        broker.bootstrapServers()));
  }

  private void publishWatches(List<Watch> watches) {
    try (KafkaProducer<String, Watch> producer = new KafkaProducer<>(producerProps(null),
        Topics.RULES.keySerde().serializer(), Topics.RULES.valueSerde().serializer())) {
      watches.forEach(w -> producer.send(new ProducerRecord<>(Topics.RULES.name(), w.orgId(), w)));
    }
  }

  private Properties producerProps(String transactionalId) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    if (transactionalId != null) {
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    }
    return props;
  }

  private static Watch watch(String orgId, String route) {
    return Watch.of(new Organisation(orgId, "Trust " + orgId, OrgType.TRUST, null, List.of()), List.of(),
        List.of(new RouteSelection(route, null)), AlertSettings.DEFAULTS);
  }

  private static Alert alert(String orgId, Instant windowEnd, Severity severity) {
    Instant start = windowEnd.minus(Duration.ofMinutes(10));
    return new Alert(SchemaVersion.CURRENT, Alert.idFor(orgId, AlertKind.VOLUME_SPIKE, start, AlertStatus.FIRING),
        orgId, AlertKind.VOLUME_SPIKE, severity, AlertStatus.FIRING, start, windowEnd, start, 60, 8, 7.5,
        "Mentions of " + orgId + " rose to 60 in 10 minutes, about 7 times the usual",
        List.of(new TermCount("parking", 12)),
        List.of(new SampleMention("rss:" + orgId, "https://news.example/" + orgId, "Parking chaos again", -0.5, 0)));
  }

  /** Sends alerts in one transaction, committed or aborted. */
  private void produce(List<Alert> alerts, boolean commit) {
    try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(producerProps("it-" + UUID.randomUUID()),
        Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      alerts.forEach(a -> producer.send(new ProducerRecord<>(Topics.ALERTS.name(), a.orgId(), a)));
      if (commit) {
        producer.commitTransaction();
      } else {
        producer.flush();
        producer.abortTransaction();
      }
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      return admin.listConsumerGroupOffsets("it-delivery").partitionsToOffsetAndMetadata().get();
    }
  }

  private Map<TopicPartition, Long> endOffsets() throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < 3; p++) {
        latest.put(new TopicPartition(Topics.ALERTS.name(), p), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get().entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
  }

  /** True when the group's committed offset of every partition is its end: nothing left to deliver. */
  private boolean everythingCommitted() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = committed();
    for (Map.Entry<TopicPartition, Long> end : endOffsets().entrySet()) {
      OffsetAndMetadata offset = committed.get(end.getKey());
      if (offset == null ? end.getValue() != 0 : offset.offset() != end.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Test
  void everyCommittedAlertIsAcceptedExactlyOnceThroughRetriesAndAbortedOnesNever() throws Exception {
    try (FlakyWebhookReceiver receiver = new FlakyWebhookReceiver(SECRET, 2)) {
      List<String> orgs = List.of("a-trust", "b-trust", "c-trust", "d-trust", "e-trust", "f-trust");
      publishWatches(orgs.stream().map(o -> watch(o, "hook")).toList());
      Instant now = Instant.now();
      List<Alert> alerts = orgs.stream().map(o -> alert(o, now, Severity.HIGH)).toList();
      produce(alerts.subList(0, 3), true);
      Alert aborted = alert("a-trust", now.minusSeconds(3600), Severity.CRITICAL);
      produce(List.of(aborted), false);
      produce(alerts.subList(3, 6), true);

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (RulesTopicWatchDirectory watches = RulesTopicWatchDirectory.start(kafka, Duration.ofSeconds(30));
           DeliveryService delivery = DeliveryService.start(config(receiver.url(), ""), kafka, registry,
               Clock.systemUTC(), watches)) {
        Map<String, Integer> expected = alerts.stream().collect(Collectors.toMap(Alert::id, a -> 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().equals(expected));
        await().atMost(Duration.ofSeconds(30)).until(this::everythingCommitted);
        assertTrue(delivery.isRunning());
        assertEquals(18, receiver.attempts(), "two failures and one success per alert, nothing more");
        assertEquals(0, receiver.badSignatures());
        assertEquals(6, registry.get("listener.alert.deliveries").tags("outcome", "delivered").counter().count());
        assertEquals(12,
            registry.get("listener.alert.deliveries").tags("outcome", "failed_attempt").counter().count());
        assertTrue(receiver.acceptedBodies().stream().noneMatch(b -> b.contains(aborted.id())));
        assertTrue(registry.find("kafka.consumer.fetch.manager.records.lag.max").gauges().size() >= 1,
            "the delivery consumer's Kafka metrics are bound");
      }
    }
  }

  @Test
  void aRestartWhileAnAlertIsHeldSendsItOnceAndNothingElseAgain() throws Exception {
    // The latest 23:00 so far: the receiver refuses signatures timestamped more than a day from its real clock, so
    // the service's clock (this night, then the end of its quiet hours) must stay within a day of now.
    ZonedDateTime now = ZonedDateTime.now(LONDON);
    ZonedDateTime night = now.with(LocalTime.of(23, 0));
    if (night.isAfter(now)) {
      night = night.minusDays(1);
    }
    Instant quietEnd = ZonedDateTime.of(night.toLocalDate().plusDays(1), LocalTime.of(7, 0), LONDON).toInstant();
    MovableClock clock = new MovableClock(night.toInstant().plusSeconds(60));
    try (FlakyWebhookReceiver receiver = new FlakyWebhookReceiver(SECRET, 0)) {
      publishWatches(List.of(watch("night-trust", "night-hook")));
      Alert before = alert("night-trust", night.toInstant().minusSeconds(1200), Severity.CRITICAL);
      Alert held = alert("night-trust", night.toInstant().minusSeconds(600), Severity.MEDIUM);
      Alert after = alert("night-trust", night.toInstant(), Severity.CRITICAL);
      produce(List.of(before, held, after), true);

      try (RulesTopicWatchDirectory watches = RulesTopicWatchDirectory.start(kafka, Duration.ofSeconds(30));
           DeliveryService first = DeliveryService.start(config(receiver.url(), ""), kafka,
               new SimpleMeterRegistry(), clock, watches)) {
        await().atMost(Duration.ofSeconds(60))
            .until(() -> receiver.accepted().equals(Map.of(before.id(), 1, after.id(), 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> committed().values().stream()
            .anyMatch(o -> o.metadata().startsWith("d1;h=")));
        assertTrue(first.isRunning());
      }
      OffsetAndMetadata resume = committed().values().stream().filter(o -> o.metadata().startsWith("d1;"))
          .findFirst().orElseThrow();
      assertEquals("d1;h=" + (resume.offset() + 2) + ";p=" + resume.offset(), resume.metadata(),
          "the held alert is the one unfinished offset: " + resume);

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (RulesTopicWatchDirectory watches = RulesTopicWatchDirectory.start(kafka, Duration.ofSeconds(30));
           DeliveryService second = DeliveryService.start(config(receiver.url(), ""), kafka, registry, clock,
               watches)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> registry.find("listener.alert.delivery.pending")
            .tag("channel", "webhook").gauge() != null
            && registry.get("listener.alert.delivery.pending").tag("channel", "webhook").gauge().value() == 1);
        clock.set(quietEnd);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().containsKey(held.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> committed().values().stream()
            .allMatch(o -> o.metadata().isEmpty()));
        assertEquals(Map.of(before.id(), 1, held.id(), 1, after.id(), 1), receiver.accepted());
        assertTrue(second.isRunning());
      }
    }
  }

  @Test
  void whatCannotBeDeliveredGoesToTheDeadLetterTopicWithItsBytes() throws Exception {
    try (FlakyWebhookReceiver receiver = new FlakyWebhookReceiver(SECRET, -1)) {
      publishWatches(List.of(watch("a-trust", "hook")));
      Alert alert = alert("a-trust", Instant.now(), Severity.HIGH);
      produce(List.of(alert), true);
      byte[] malformed = "{\"v\":1,\"orgId\":\"a-trust\"}".getBytes(StandardCharsets.UTF_8);
      try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(producerProps(null), new ByteArraySerializer(),
          new ByteArraySerializer())) {
        raw.send(new ProducerRecord<>(Topics.ALERTS.name(), "a-trust".getBytes(StandardCharsets.UTF_8), malformed));
      }
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (RulesTopicWatchDirectory watches = RulesTopicWatchDirectory.start(kafka, Duration.ofSeconds(30));
           DeliveryService delivery = DeliveryService.start(config(receiver.url(), "    maxAge: 2s"), kafka,
               registry, Clock.systemUTC(), watches)) {
        List<ConsumerRecord<byte[], byte[]>> letters = KafkaTestClients.readCommitted(broker.bootstrapServers(),
            Topics.DEADLETTER.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer(),
            records -> records.size() >= 2, Duration.ofSeconds(60));
        Map<String, DeadLetter> byReason = letters.stream()
            .map(r -> Topics.DEADLETTER.valueSerde().deserializer().deserialize(null, r.value()))
            .collect(Collectors.toMap(l -> l.reason().substring(0, l.reason().indexOf(':')), Function.identity()));
        DeadLetter undeliverable = byReason.get("processing");
        assertEquals("delivery", undeliverable.stage());
        assertEquals(Topics.ALERTS.name(), undeliverable.origin());
        assertTrue(undeliverable.reason().startsWith("processing: delivery to route hook (webhook) failed after "),
            undeliverable.reason());
        assertEquals(alert, Topics.ALERTS.valueSerde().deserializer().deserialize(null, undeliverable.value()));
        DeadLetter unreadable = byReason.get("malformed");
        assertEquals(new String(malformed, StandardCharsets.UTF_8),
            new String(unreadable.value(), StandardCharsets.UTF_8));
        assertEquals(1, registry.get("listener.deadletters").tags("stage", "delivery", "reason", "processing")
            .counter().count());
        assertEquals(1, registry.get("listener.deadletters").tags("stage", "delivery", "reason", "malformed")
            .counter().count());
        await().atMost(Duration.ofSeconds(30)).until(this::everythingCommitted);
        assertTrue(delivery.isRunning());
        assertEquals(Map.of(), receiver.accepted());
      }
    }
  }
}
