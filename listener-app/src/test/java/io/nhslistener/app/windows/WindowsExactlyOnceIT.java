package io.nhslistener.app.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.app.broker.KafkaTestClients;
import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acceptance 4 of issue 5: the window stage runs with exactly_once_v2 in a child JVM, is killed without warning while
 * matched mentions are flowing, and is started again on the same state directory; every window's count must equal the
 * number of mentions produced into it, each window must appear exactly once, in order and without gaps.
 *
 * <p>Event times are a fixed morning in the past, ten minutes of them, so the windows close on event time and the
 * expected counts are known exactly; a last mention per organisation moves event time past the final window's grace.
 */
class WindowsExactlyOnceIT {
  private static final Logger LOG = LoggerFactory.getLogger(WindowsExactlyOnceIT.class);
  private static final int PARTITIONS = 3;
  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final int MENTIONS = 3_000;
  private static final long STEP_MS = 200; // 3,000 mentions over ten minutes of event time
  private static final int KILL_AT = 1_500;

  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void stopChildren() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void killedAndRestartedStageCountsEveryMentionOnce() throws Exception {
    List<String> active = organisationsOnEachPartition();
    String quiet = organisationOnPartition(BuiltInPartitioner.partitionForKey(bytes(active.get(0)), PARTITIONS),
        Set.copyOf(active));
    List<String> watched = new ArrayList<>(active);
    watched.add(quiet);

    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", FreePorts.pick(),
        FreePorts.pick())) {
      String bootstrap = broker.bootstrapServers();
      try (Admin admin = Admin.create(KafkaTestClients.base(bootstrap))) {
        new TopicAdmin(admin, new TopicSettings(PARTITIONS, PARTITIONS, (short) 1)).ensure(Topics.ALL);
      }
      Map<String, Map<Instant, Long>> expected = new HashMap<>();
      try (KafkaProducer<String, Watch> rules = KafkaTestClients.producer(bootstrap, new StringSerializer(),
               Topics.RULES.valueSerde().serializer());
           KafkaProducer<String, MatchedMention> producer = KafkaTestClients.producer(bootstrap,
               new StringSerializer(), Topics.MENTIONS_MATCHED.valueSerde().serializer())) {
        for (String org : watched) {
          rules.send(new ProducerRecord<>(Topics.RULES.name(), org, watch(org))).get();
        }
        Process first = startChild(bootstrap, "first");
        for (int i = 0; i < MENTIONS; i++) {
          if (i == 300) {
            awaitStats(bootstrap, records -> !records.isEmpty(), "the first window from the first instance");
            LOG.info("First instance emitting windows");
          }
          if (i == KILL_AT) {
            first.destroyForcibly().waitFor();
            assertFalse(first.isAlive());
            startChild(bootstrap, "second");
            LOG.info("First instance killed at mention {}, second started", i);
          }
          String org = active.get(i % active.size());
          Instant createdAt = T0.plusMillis(i * STEP_MS);
          // Small synchronous batches pace the input, so the kill lands while the first instance is mid-stream.
          Future<RecordMetadata> sent = producer.send(
              new ProducerRecord<>(Topics.MENTIONS_MATCHED.name(), org, mention(org, i, createdAt)));
          if (i % 20 == 19) {
            sent.get();
          }
          expected.computeIfAbsent(org, o -> new HashMap<>())
              .merge(truncate(createdAt, MINUTE), 1L, Long::sum);
        }
        Instant closer = T0.plus(Duration.ofMinutes(10)).plusSeconds(30); // end of the last window + grace
        for (String org : active) {
          producer.send(new ProducerRecord<>(Topics.MENTIONS_MATCHED.name(), org,
              mention(org, MENTIONS + active.indexOf(org), closer))).get();
        }
      }

      LOG.info("All mentions produced");
      List<ConsumerRecord<String, WindowStats>> stats = awaitStats(bootstrap,
          records -> allClosed(records, watched), "every window up to the tenth minute of every organisation");

      LOG.info("All windows read");
      Set<String> seen = new HashSet<>();
      long total = 0;
      for (ConsumerRecord<String, WindowStats> record : stats) {
        WindowStats w = record.value();
        assertTrue(seen.add(w.orgId() + "@" + w.windowStart() + "/" + w.size()), "emitted twice: " + w);
      }
      Instant end = T0.plus(Duration.ofMinutes(10));
      for (String org : watched) {
        List<WindowStats> minutes = windows(stats, org, MINUTE).stream()
            .filter(w -> w.windowStart().isBefore(end)).toList();
        for (int i = 1; i < minutes.size(); i++) {
          assertEquals(minutes.get(i - 1).windowEnd(), minutes.get(i).windowStart(), org + ": in order, no gap");
        }
        Map<Instant, Long> produced = expected.getOrDefault(org, Map.of());
        for (WindowStats w : minutes) {
          assertEquals(produced.getOrDefault(w.windowStart(), 0L), w.count(), org + " " + w.windowStart());
          total += w.count();
        }
        for (WindowStats rollup : windows(stats, org, FIVE_MINUTES)) {
          long inside = produced.entrySet().stream()
              .filter(e -> !e.getKey().isBefore(rollup.windowStart()) && e.getKey().isBefore(rollup.windowEnd()))
              .mapToLong(Map.Entry::getValue).sum();
          assertEquals(inside, rollup.count(), org + " roll-up " + rollup.windowStart());
        }
      }
      assertEquals(MENTIONS, total, "every mention counted once");
      assertEquals(List.of(0L), windows(stats, quiet, MINUTE).stream().map(WindowStats::count).distinct().toList(),
          "the silent organisation's windows, emitted by the task it hashes to, are all empty");
    }
  }

  private Process startChild(String bootstrap, String name) throws IOException {
    Path log = dir.resolve("child-" + name + ".log");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        WindowStageChild.class.getName(),
        bootstrap, dir.resolve("streams-state").toString(), Integer.toString(PARTITIONS))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    children.add(child);
    return child;
  }

  private List<ConsumerRecord<String, WindowStats>> awaitStats(String bootstrap,
      Predicate<List<ConsumerRecord<String, WindowStats>>> done, String what) throws IOException {
    List<ConsumerRecord<String, WindowStats>> records = KafkaTestClients.readCommitted(bootstrap,
        Topics.ORG_STATS.name(), new StringDeserializer(), Topics.ORG_STATS.valueSerde().deserializer(), done,
        Duration.ofSeconds(90));
    assertTrue(done.test(records), "timed out waiting for " + what + "; child logs:\n" + childLogs());
    return records;
  }

  private static boolean allClosed(List<ConsumerRecord<String, WindowStats>> records, List<String> orgs) {
    Set<String> present = new HashSet<>();
    records.forEach(r -> present.add(r.value().orgId() + "@" + r.value().windowStart() + "/" + r.value().size()));
    for (String org : orgs) {
      for (int minute = 0; minute < 10; minute++) {
        if (!present.contains(org + "@" + T0.plus(MINUTE.multipliedBy(minute)) + "/" + MINUTE)) {
          return false;
        }
      }
      for (int five = 0; five < 2; five++) {
        if (!present.contains(org + "@" + T0.plus(FIVE_MINUTES.multipliedBy(five)) + "/" + FIVE_MINUTES)) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<WindowStats> windows(List<ConsumerRecord<String, WindowStats>> records, String org,
      Duration size) {
    return records.stream().map(ConsumerRecord::value)
        .filter(w -> w.orgId().equals(org) && w.size().equals(size)).toList();
  }

  private String childLogs() throws IOException {
    StringBuilder logs = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path log : files.filter(p -> p.getFileName().toString().startsWith("child-")).sorted().toList()) {
        List<String> lines = Files.readAllLines(log);
        logs.append("== ").append(log.getFileName()).append('\n')
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))).append('\n');
      }
    }
    return logs.toString();
  }

  private static List<String> organisationsOnEachPartition() {
    List<String> orgs = new ArrayList<>();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      orgs.add(organisationOnPartition(partition, Set.copyOf(orgs)));
    }
    return orgs;
  }

  private static String organisationOnPartition(int partition, Set<String> taken) {
    for (int i = 0; ; i++) {
      String org = "trust-" + i;
      if (!taken.contains(org) && BuiltInPartitioner.partitionForKey(bytes(org), PARTITIONS) == partition) {
        return org;
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Instant truncate(Instant time, Duration size) {
    return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), size.toMillis()) * size.toMillis());
  }

  private static Watch watch(String org) {
    return Watch.of(new Organisation(org, "Org " + org, OrgType.TRUST, null, List.of()),
        List.of(new WatchRule("r1", "\"" + org + "\"", List.of(), List.of())), List.of(), null);
  }

  private static MatchedMention mention(String org, int n, Instant createdAt) {
    SentimentLabel label = SentimentLabel.values()[n % 3];
    double compound = switch (label) {
      case NEGATIVE -> -0.5;
      case NEUTRAL -> 0.0;
      case POSITIVE -> 0.5;
    };
    Mention mention = Mention.builder("synthetic:" + n, "synthetic", "mention " + n, createdAt,
            createdAt.plusSeconds(2))
        .authorKey("author-" + (n % 97))
        .engagement(new Engagement(n % 11, 0, 0))
        .build();
    return MatchedMention.of(mention, org, List.of("r1"), List.of("term-" + (n % 4)), new Sentiment(compound, label));
  }
}
