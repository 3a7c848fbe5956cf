package io.nhslistener.app.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.SchemaVersion;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, fault test 5: {@link ReliabilityScale#poisonPerTopic()} fuzzed records ({@link PoisonRecords}) into each
 * input topic of the running pipeline ({@code listener run --role all} in a child JVM), between good records. No role
 * may crash or stall; every poison record must be in {@code listener.deadletter} with the stage that met it and a
 * reason; {@code listener_deadletters_total} must match the topic; and the good records before and after the poison
 * must come out the other end (matched, windowed, judged, delivered).
 *
 * <p>{@code listener.rules} is an input too, but Kafka Streams reads it into global stores, where it cannot yet
 * produce dead letters: a few poison records there must be skipped without stopping anything, and they stay in
 * their compacted topic (a documented limit of the streams and alerts stages).
 */
@Tag("reliability")
class PoisonInputIT {
  private static final Logger LOG = LoggerFactory.getLogger(PoisonInputIT.class);
  private static final int GOOD = 100;
  private static final int RULES_POISON = 40;
  private static final Instant T0 = MentionScenario.T0;
  /** Past the windows' one-hour grace: good records at this event time close the first windows. */
  private static final Instant LATER = T0.plus(Duration.ofMinutes(61));
  /** Where good raw and unique mentions go: away from carrow's window task, whose event time the test moves on. */
  private static final String AWAY = awayFromCarrow();
  /** The stage each input topic's records meet first, which must sign their dead letters. */
  private static final Map<String, String> STAGE_OF = new LinkedHashMap<>(Map.of(
      Topics.MENTIONS_RAW.name(), "dedupe",
      Topics.MENTIONS_UNIQUE.name(), "match",
      Topics.MENTIONS_MATCHED.name(), "windows",
      Topics.ORG_STATS.name(), "alerts",
      Topics.ALERTS.name(), "delivery"));
  private static final Map<String, String> GROUP_OF = Map.of(
      Topics.MENTIONS_RAW.name(), "nhs-listener",
      Topics.MENTIONS_UNIQUE.name(), "nhs-listener",
      Topics.MENTIONS_MATCHED.name(), "nhs-listener",
      Topics.ORG_STATS.name(), "nhs-listener-alerts",
      Topics.ALERTS.name(), "listener-alerts-delivery");

  @TempDir Path dir;
  private ListenerChild child;

  @AfterEach
  void kill() throws InterruptedException {
    if (child != null) {
      child.close();
    }
  }

  @Test
  void poisonIsDeadLetteredCountedAndNeverStopsTheGoodRecords() throws Exception {
    int perTopic = ReliabilityScale.poisonPerTopic();
    try (TestKafka cluster = TestKafka.start(dir);
         WebhookReceiver receiver = new WebhookReceiver(0)) {
      Map<String, Object> kafka = cluster.clients();
      Path watchlist = Files.writeString(dir.resolve("watchlist.yaml"), MentionScenario.watchlistYaml("hook"));
      Path config = new PipelineConfig(cluster.bootstrap(), dir.resolve("data"))
          .watchlist(watchlist)
          .webhookDelivery(receiver.url(), "poison-test-webhook-secret", "200ms", "1s")
          .write(dir.resolve("listener.yaml"));
      child = ListenerChild.startHealthy(dir, "pipeline", Map.of(), "run", "--config", config.toString(), "--role",
          "all");

      long started = System.nanoTime();
      Instant alertsBase = Instant.now();
      Map<String, Set<String>> poisonAt = new HashMap<>();
      Set<String> goodAt = new HashSet<>();
      PoisonRecords poison = new PoisonRecords(20261121);
      try (KafkaProducer<byte[], byte[]> producer = rawProducer(cluster.bootstrap())) {
        for (String topic : STAGE_OF.keySet()) {
          IntFunction<byte[]> good = goodRecords(topic, alertsBase);
          send(producer, topic, GOOD, i -> good.apply(i), goodAt);
          List<Future<RecordMetadata>> sent = new ArrayList<>();
          for (int n = 0; n < perTopic; n++) {
            PoisonRecords.Poison p = poison.next(n, MentionScenario.ORGS.get(n % MentionScenario.ORGS.size()));
            sent.add(producer.send(new ProducerRecord<>(topic, p.key(), p.value())));
          }
          Set<String> offsets = new HashSet<>();
          for (Future<RecordMetadata> metadata : sent) {
            offsets.add(at(metadata.get()));
          }
          poisonAt.put(topic, offsets);
          send(producer, topic, GOOD, i -> good.apply(GOOD + i), goodAt);
        }
        for (int n = 0; n < RULES_POISON; n++) {
          PoisonRecords.Poison p = poison.next(n, "poison-org-" + n);
          // A compacted topic refuses a record without a key, and a null value is a tombstone there, not poison.
          if (p.key() != null && p.value() != null) {
            producer.send(new ProducerRecord<>(Topics.RULES.name(), p.key(), p.value())).get();
          }
        }
        IntFunction<byte[]> lateRaw = i -> mention("good:raw-after-rules-" + i, AWAY, early(i));
        send(producer, Topics.MENTIONS_RAW.name(), GOOD, lateRaw, goodAt);
      }
      LOG.info("Produced {} poison records into each of {} and {} into listener.rules", perTopic, STAGE_OF.keySet(),
          RULES_POISON);

      int expectedLetters = perTopic * STAGE_OF.size();
      List<DeadLetter> letters = new ArrayList<>();
      try (CommittedReader deadLetters = new CommittedReader(kafka, Topics.DEADLETTER.name())) {
        await("every poison record dead-lettered").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(3))
            .until(() -> {
              assertTrue(child.isAlive(), "the pipeline died:\n" + child.logTail(80));
              letters.clear();
              deadLetters.readToEnd().forEach(r -> letters.add(
                  Topics.DEADLETTER.valueSerde().deserializer().deserialize(null, r.value())));
              return letters.size() >= expectedLetters;
            });
      }
      Map<TopicPartition, Long> lastProduced = lastOffsets(goodAt, poisonAt);
      await("every input consumed past the records produced").atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> consumedPast(kafka, lastProduced));
      Duration drained = Duration.ofNanos(System.nanoTime() - started);

      Map<String, Long> byStage = new HashMap<>();
      for (DeadLetter letter : letters) {
        String where = letter.origin() + "-" + letter.partition() + "@" + letter.offset();
        assertFalse(goodAt.contains(where), "a good record was dead-lettered: " + where + " " + letter.reason());
        assertTrue(poisonAt.getOrDefault(letter.origin(), Set.of()).remove(where),
            "a dead letter that matches no poison record, or a second one for it: " + where + " " + letter.reason());
        assertEquals(STAGE_OF.get(letter.origin()), letter.stage(), "stage of " + where);
        assertTrue(letter.reason().startsWith("malformed: ") || letter.reason().startsWith("oversized: "),
            "reason of " + where + ": " + letter.reason());
        byStage.merge(letter.stage(), 1L, Long::sum);
      }
      poisonAt.forEach((topic, left) -> assertEquals(Set.of(), left, "poison of " + topic + " not dead-lettered"));

      PrometheusSamples metrics = PrometheusSamples.parse(child.scrape());
      for (String stage : STAGE_OF.values()) {
        assertEquals(byStage.getOrDefault(stage, 0L), (long) metrics.sum("listener_deadletters_total",
            Map.of("stage", stage)), "listener_deadletters_total of stage " + stage);
      }

      assertGoodRecordsCameThrough(kafka, receiver, alertsBase);
      assertTrue(child.healthy(), "health after the poison: " + child.health());
      assertFalse(child.log().contains("being replaced"), "a stream thread crashed on poison:\n" + child.logTail(80));
      LOG.info("RELIABILITY poison [{}]: {} poison records into each of {} topics ({} in all) and {} into "
              + "listener.rules; dead letters {} by stage {}; good records {} in, all out; drained in {} s; no thread "
              + "replaced", ReliabilityScale.label(), perTopic, STAGE_OF.size(), expectedLetters, RULES_POISON,
          letters.size(), byStage, goodAt.size(), drained.toSeconds());
      assertEquals(0, child.stop(Duration.ofSeconds(90)));
    }
  }

  /** Good records of a topic: the {@code i}-th value; before the poison i < GOOD, after it GOOD ≤ i < 2·GOOD. */
  private static IntFunction<byte[]> goodRecords(String topic, Instant alertsBase) {
    return switch (topic) {
      case "listener.mentions.raw" -> i -> mention("good:raw-" + i, AWAY, early(i));
      case "listener.mentions.unique" -> i -> mention("good:unique-" + i, AWAY, early(i));
      case "listener.mentions.matched" -> i -> Topics.MENTIONS_MATCHED.valueSerde().serializer().serialize(null,
          MatchedMention.of(Mention.builder("good:matched-" + i, "good", "carrow good " + i, time(i), time(i))
              .build(), "carrow", List.of("name"), List.of("carrow"), new Sentiment(0.0, SentimentLabel.NEUTRAL)));
      case "listener.org.stats" -> i -> Topics.ORG_STATS.valueSerde().serializer().serialize(null,
          WindowStats.empty("dunmore", T0.plus(Duration.ofDays(1)).plusSeconds(10L * i),
              T0.plus(Duration.ofDays(1)).plusSeconds(10L * i + 10)));
      case "listener.alerts" -> i -> Topics.ALERTS.valueSerde().serializer().serialize(null, alert(alertsBase, i));
      default -> throw new IllegalArgumentException(topic);
    };
  }

  /**
   * Good matched mentions before the poison lie in carrow's first window; those after it move event time on, closing
   * it. Only carrow's window task sees that jump.
   */
  private static Instant time(int i) {
    return i < GOOD ? T0.plusMillis(100L * i) : LATER.plusSeconds(i);
  }

  /** Good raw and unique mentions stay early, for an organisation whose window task is not carrow's. */
  private static Instant early(int i) {
    return T0.plusMillis(100L * i);
  }

  /** The first organisation whose matched partition (of three) is not carrow's. */
  private static String awayFromCarrow() {
    int carrow = BuiltInPartitioner.partitionForKey(bytes("carrow"), 3);
    return MentionScenario.ORGS.stream()
        .filter(org -> BuiltInPartitioner.partitionForKey(bytes(org), 3) != carrow).findFirst().orElseThrow();
  }

  private static byte[] mention(String id, String org, Instant at) {
    return Topics.MENTIONS_RAW.valueSerde().serializer().serialize(null,
        Mention.builder(id, "good", org + " good news " + id.substring(id.indexOf('-') + 1), at, at).build());
  }

  /** The {@code i}-th good alert: one per ten seconds before {@code base}, recent enough to be delivered. */
  private static Alert alert(Instant base, int i) {
    Instant start = base.minusSeconds(10L * (2 * GOOD - i));
    return new Alert(SchemaVersion.CURRENT, Alert.idFor("elsworth", AlertKind.VOLUME_SPIKE, start, AlertStatus.FIRING),
        "elsworth", AlertKind.VOLUME_SPIKE, Severity.HIGH, AlertStatus.FIRING, start, start.plusSeconds(10), start,
        50, 5, 7.5, "Mentions of Elsworth rose to 50", List.of(), List.of());
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, int count, IntFunction<byte[]> value,
      Set<String> at) throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] key = topic.equals(Topics.ALERTS.name()) ? bytes("elsworth") : bytes(keyOf(topic, i));
      sent.add(producer.send(new ProducerRecord<>(topic, key, value.apply(i))));
    }
    for (Future<RecordMetadata> metadata : sent) {
      at.add(at(metadata.get()));
    }
  }

  private static String keyOf(String topic, int i) {
    return switch (topic) {
      case "listener.mentions.matched" -> "carrow";
      case "listener.org.stats" -> "dunmore";
      default -> "good-" + i;
    };
  }

  private static String at(RecordMetadata metadata) {
    return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
  }

  /** The good records' effects: matched mentions, closed windows, judged windows, delivered alerts. */
  private void assertGoodRecordsCameThrough(Map<String, Object> kafka, WebhookReceiver receiver,
      Instant alertsBase) {
    Set<String> expectedMatched = new HashSet<>();
    for (int i = 0; i < 2 * GOOD; i++) {
      expectedMatched.add(AWAY + "/good:raw-" + i);
      expectedMatched.add(AWAY + "/good:unique-" + i);
    }
    for (int i = 0; i < GOOD; i++) {
      expectedMatched.add(AWAY + "/good:raw-after-rules-" + i);
    }
    try (CommittedReader matched = new CommittedReader(kafka, Topics.MENTIONS_MATCHED.name());
         CommittedReader stats = new CommittedReader(kafka, Topics.ORG_STATS.name())) {
      await("good mentions matched").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
          .until(() -> matchedIds(matched.readToEnd()).containsAll(expectedMatched));
      Map<Instant, Long> carrow = new HashMap<>();
      await("carrow's first windows closed").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
          .until(() -> {
            carrow.clear();
            for (ConsumerRecord<byte[], byte[]> r : stats.readToEnd()) {
              WindowStats w = readable(Topics.ORG_STATS.valueSerde(), r.value());
              if (w != null && w.orgId().equals("carrow") && w.size().equals(MentionScenario.WINDOW)
                  && w.windowStart().equals(T0)) {
                carrow.merge(w.windowStart(), w.count(), Long::sum);
              }
            }
            return !carrow.isEmpty();
          });
      assertEquals(Map.of(T0, (long) GOOD), carrow, "the good matched mentions of carrow's first window, once each");
    }
    Map<String, Integer> delivered = new HashMap<>();
    for (int i = 0; i < 2 * GOOD; i++) {
      delivered.put(alert(alertsBase, i).id(), 1);
    }
    try {
      await("good alerts delivered").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
          .until(() -> receiver.accepted().keySet().containsAll(delivered.keySet()));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("good alerts delivered: " + receiver.accepted().size() + " of " + delivered.size()
          + "; delivery lines of the log:\n" + child.log().lines().filter(l -> l.contains("eliver"))
          .limit(40).collect(Collectors.joining("\n")), e);
    }
    Map<String, Integer> accepted = receiver.accepted();
    assertEquals(delivered, accepted.entrySet().stream().filter(e -> delivered.containsKey(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "every good alert delivered once");
    assertEquals(List.of(1), accepted.values().stream().distinct().toList(), "no alert delivered twice");
  }

  private static Set<String> matchedIds(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .map(r -> readable(Topics.MENTIONS_MATCHED.valueSerde(), r.value()))
        .filter(Objects::nonNull)
        .map(m -> m.orgId() + "/" + m.mention().id())
        .collect(Collectors.toSet());
  }

  /** The record, or null for the poison this test itself put into the topic. */
  private static <T> T readable(Serde<T> serde, byte[] value) {
    try {
      return serde.deserializer().deserialize(null, value);
    } catch (RecordFormatException e) {
      return null;
    }
  }

  /** The last offset the test wrote to each partition, from {@code topic-partition@offset} strings. */
  private static Map<TopicPartition, Long> lastOffsets(Set<String> good, Map<String, Set<String>> poison) {
    Map<TopicPartition, Long> last = new HashMap<>();
    List<String> all = new ArrayList<>(good);
    poison.values().forEach(all::addAll);
    for (String where : all) {
      int at = where.lastIndexOf('@');
      int dash = where.lastIndexOf('-', at);
      TopicPartition partition = new TopicPartition(where.substring(0, dash),
          Integer.parseInt(where.substring(dash + 1, at)));
      last.merge(partition, Long.parseLong(where.substring(at + 1)), Math::max);
    }
    return last;
  }

  /**
   * True when the consumer group of each input has committed past every record the test wrote to it: nothing
   * stalled behind a poison record.
   */
  private static boolean consumedPast(Map<String, Object> kafka, Map<TopicPartition, Long> last) throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      for (Map.Entry<String, String> input : GROUP_OF.entrySet()) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(input.getValue())
            .partitionsToOffsetAndMetadata().get();
        for (Map.Entry<TopicPartition, Long> end : last.entrySet()) {
          OffsetAndMetadata offset = committed.get(end.getKey());
          if (end.getKey().topic().equals(input.getKey()) && (offset == null || offset.offset() <= end.getValue())) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static KafkaProducer<byte[], byte[]> rawProducer(String bootstrap) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
