package io.nhslistener.app.alerts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.alerts.topology.AlertDetection;
import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.app.broker.KafkaTestClients;
import io.nhslistener.app.config.AppConfig;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.SchemaVersion;
import io.nhslistener.core.model.TermCount;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert detection on a real broker under exactly-once: a burst after enough history raises one alert and its
 * resolution on {@code listener.alerts} (read committed); a poison record is dead-lettered with its bytes; and a
 * restart mid-episode on a new state directory, so the state comes back from the changelogs, neither loses nor repeats
 * an alert.
 */
class AlertDetectionIT {
  private static final String ORG = "trust-a";
  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  /** Windows of history before the burst: past the detector's 150-window warm-up. */
  private static final int HISTORY = 300;
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dataDir;
  private EmbeddedBroker broker;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void startBroker() throws Exception {
    broker = EmbeddedBroker.start(dataDir.resolve("broker"), "127.0.0.1", FreePorts.pick(), FreePorts.pick());
    try (Admin admin = Admin.create(KafkaTestClients.base(broker.bootstrapServers()))) {
      new TopicAdmin(admin, new TopicSettings(1, 3, (short) 1)).ensure(Topics.ALL);
    }
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  private ListenerConfig config(Path stateParent) {
    String yaml = String.join("\n",
        "dataDir: \"" + stateParent.toAbsolutePath() + "\"",
        "alerts:",
        "  applicationId: it-alerts",
        "");
    return AppConfig.loader(Map.of()).parse(yaml, "it.yaml").withKafka(Map.of("bootstrap.servers",
        broker.bootstrapServers()));
  }

  private AlertDetection start(Path stateParent) {
    return AlertDetection.start(config(stateParent), new HashMap<>(Map.of("bootstrap.servers",
        broker.bootstrapServers())), registry, Clock.systemUTC());
  }

  /**
   * Seeded Poisson(40) windows with bursts of 200 mentions at {@link #HISTORY} and 100 windows later (past the hour's
   * cool-down), each followed by calm windows: two alerts, each with its resolution three windows on.
   */
  private static List<WindowStats> series() {
    SplittableRandom random = new SplittableRandom(3);
    List<WindowStats> windows = new ArrayList<>();
    for (int i = 0; i < HISTORY + 106; i++) {
      windows.add(window(i, i == HISTORY || i == HISTORY + 100 ? 200 : poisson(random, 40)));
    }
    return windows;
  }

  private static final List<String> EXPECTED = List.of("FIRING@" + HISTORY, "RESOLVED@" + (HISTORY + 3),
      "FIRING@" + (HISTORY + 100), "RESOLVED@" + (HISTORY + 103));

  private static WindowStats window(int index, long count) {
    Instant start = START.plus(MINUTE.multipliedBy(index));
    long negative = count / 5;
    return new WindowStats(SchemaVersion.CURRENT, ORG, start, start.plus(MINUTE), count, count, 0, count - negative,
        negative, count == 0 ? 0 : (-0.6 * negative + 0.3 * (count - negative)) / count,
        count == 0 ? List.of() : List.of(new TermCount(index == HISTORY ? "closure" : "usual", count)),
        count == 0 ? List.of() : List.of(new SampleMention(ORG + ":" + index, null, "post " + index, 0.1, count)),
        Map.of());
  }

  private static long poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }

  private void produce(List<WindowStats> windows) {
    try (KafkaProducer<String, WindowStats> producer = KafkaTestClients.producer(broker.bootstrapServers(),
        Topics.ORG_STATS.keySerde().serializer(), Topics.ORG_STATS.valueSerde().serializer())) {
      for (WindowStats w : windows) {
        producer.send(new ProducerRecord<>(Topics.ORG_STATS.name(), null, w.windowEnd().toEpochMilli() - 1,
            w.orgId(), w));
      }
    }
  }

  /**
   * The committed alerts up to the last expected one. All of one organisation's alerts are on one partition, in
   * order, so a repeated or extra alert before it would be among them.
   */
  private List<Alert> alertsUpToTheLast() {
    String last = EXPECTED.get(EXPECTED.size() - 1);
    return KafkaTestClients.readCommitted(broker.bootstrapServers(), Topics.ALERTS.name(), new StringDeserializer(),
        Topics.ALERTS.valueSerde().deserializer(),
        records -> describe(records.stream().map(ConsumerRecord::value).toList()).contains(last), WAIT)
        .stream().map(ConsumerRecord::value).toList();
  }

  private static List<String> describe(List<Alert> alerts) {
    return alerts.stream().map(a -> a.status() + "@" + Duration.between(START, a.windowStart()).toMinutes()).toList();
  }

  @Test
  void burstsRaiseAlertsAndResolutionsOnceAndAPoisonRecordIsDeadLettered() {
    byte[] poison = "{\"v\":1,\"orgId\":".getBytes(StandardCharsets.UTF_8);
    List<WindowStats> windows = series();
    produce(windows.subList(0, 10));
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(broker.bootstrapServers(),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.ORG_STATS.name(), ORG.getBytes(StandardCharsets.UTF_8), poison));
    }
    produce(windows.subList(10, windows.size()));

    try (AlertDetection detection = start(dataDir.resolve("state"))) {
      List<Alert> alerts = alertsUpToTheLast();

      assertEquals(EXPECTED, describe(alerts), alerts.toString());
      Alert burst = alerts.get(0);
      assertEquals(Alert.idFor(ORG, AlertKind.VOLUME_SPIKE, START.plus(MINUTE.multipliedBy(HISTORY)),
          AlertStatus.FIRING), burst.id());
      assertEquals(List.of(new TermCount("closure", 200)), burst.topTerms());
      assertTrue(detection.isRunning());

      List<DeadLetter> letters = KafkaTestClients.readCommitted(broker.bootstrapServers(), Topics.DEADLETTER.name(),
          new ByteArrayDeserializer(), Topics.DEADLETTER.valueSerde().deserializer(), r -> !r.isEmpty(), WAIT)
          .stream().map(ConsumerRecord::value).toList();
      assertEquals(1, letters.size());
      assertEquals("alerts", letters.get(0).stage());
      assertArrayEquals(poison, letters.get(0).value());
      Counter counted = registry.find("listener.deadletters").tags("stage", "alerts", "reason", "malformed")
          .counter();
      assertEquals(1.0, counted == null ? 0 : counted.count());
    }
  }

  @Test
  void restartMidEpisodeOnAFreshStateDirectoryNeitherLosesNorRepeatsAnAlert() {
    List<WindowStats> windows = series();
    produce(windows.subList(0, HISTORY + 2));
    try (AlertDetection first = start(dataDir.resolve("state-1"))) {
      // the episode is open when this instance stops: its resolution needs calm windows not yet produced
      await().atMost(WAIT).until(() -> registry.find("listener.alerts.detected").tags("status", "firing")
          .counter() != null);
    }

    produce(windows.subList(HISTORY + 2, windows.size()));
    try (AlertDetection second = start(dataDir.resolve("state-2"))) {
      List<Alert> alerts = alertsUpToTheLast();

      assertEquals(EXPECTED, describe(alerts), alerts.toString());
      assertEquals(alerts.get(0).since(), alerts.get(1).since());
      assertEquals(List.of(new TermCount("closure", 200), new TermCount("usual",
          windows.get(HISTORY + 1).count() + windows.get(HISTORY + 2).count() + windows.get(HISTORY + 3).count())),
          alerts.get(1).topTerms(), "the resolution cites windows judged before the restart");
    }
  }
}
