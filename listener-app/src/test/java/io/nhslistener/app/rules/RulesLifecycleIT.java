package io.nhslistener.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.app.broker.KafkaTestClients;
import io.nhslistener.app.config.AppConfig;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.serde.Json;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.streams.DedupeAndMatchTopology;
import io.nhslistener.streams.StreamsProperties;
import io.nhslistener.streams.dedupe.DedupeConfig;
import io.nhslistener.streams.match.Matching;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule lifecycle against a real embedded broker and the dedupe and match stages running as Kafka Streams with
 * exactly-once: {@code rules apply} of a new rule reaches matching within 5 s, an invalid file is reported in full by
 * {@code validate} and publishes nothing through {@code apply}, and {@code list} and {@code preview} read what is live.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesLifecycleIT {
  private static final Logger LOG = LoggerFactory.getLogger(RulesLifecycleIT.class);
  private static final Duration APPLY_TO_MATCH_LIMIT = Duration.ofSeconds(5);

  private static final String FIRST_WATCHLIST = """
      organisations:
        - id: leeds-teaching-hospitals
          name: Leeds Teaching Hospitals NHS Trust
          type: trust
          rules:
            - id: name
              query: '"Leeds Teaching Hospitals" OR LTHT'
      """;

  private static final String SECOND_WATCHLIST = FIRST_WATCHLIST + """
        - id: airedale-nhs-ft
          name: Airedale NHS Foundation Trust
          type: trust
          rules:
            - id: campaign
              query: '#SaveAiredaleMaternity OR "Airedale maternity"'
      """;

  private static final List<String> VOCABULARY = List.of("maternity", "unit", "closing", "consultation", "mums",
      "midwives", "babies", "keighley", "petition", "meeting", "town", "hall", "friday", "families", "drive", "miles",
      "birth", "centre", "board", "decision", "please", "sign", "local", "voices", "heard", "today", "tonight",
      "parents", "nurses", "services");

  private static final String INVALID_WATCHLIST = """
      organisations:
        - id: leeds-teaching-hospitals
          name: Leeds Teaching Hospitals NHS Trust
          type: trust
          rules:
            - id: name
              query: 'leeds AND (ward OR)'
            - id: lower
              query: 'nhs and leeds'
        - id: Bradford
          name: Bradford
          type: hospital
      """;

  @TempDir static Path dir;
  private static EmbeddedBroker broker;
  private static KafkaStreams streams;
  private static Matching matching;
  private static Path config;
  private static KafkaProducer<String, Mention> producer;

  @BeforeAll
  static void startBrokerAndStreams() throws Exception {
    broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", FreePorts.pick(), FreePorts.pick());
    try (Admin admin = Admin.create(KafkaTestClients.base(broker.bootstrapServers()))) {
      new TopicAdmin(admin, new TopicSettings(2, 2, (short) 1)).ensure(Topics.ALL);
    }
    config = Files.writeString(dir.resolve("listener.yaml"), """
        dataDir: %s
        kafka:
          bootstrap.servers: %s
        streams:
          applicationId: rules-lifecycle-it
          commitInterval: 100ms
        """.formatted(dir.resolve("data"), broker.bootstrapServers()));
    ListenerConfig listenerConfig = AppConfig.load(config);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    matching = Matching.create(text -> new Sentiment(0, SentimentLabel.NEUTRAL), registry);
    StreamsBuilder builder = new StreamsBuilder();
    DedupeAndMatchTopology.buildTopology(builder, DedupeConfig.from(listenerConfig), matching, registry);
    Properties props = StreamsProperties.of(listenerConfig, new DeadLetters(registry, Clock.systemUTC()));
    streams = new KafkaStreams(builder.build(props), props);
    streams.start();
    producer = KafkaTestClients.producer(broker.bootstrapServers(), new StringSerializer(),
        Topics.MENTIONS_RAW.valueSerde().serializer());
  }

  @AfterAll
  static void stop() throws Exception {
    if (producer != null) {
      producer.close();
    }
    if (streams != null) {
      streams.close(Duration.ofSeconds(20));
    }
    if (matching != null) {
      matching.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  @Order(1)
  void applyPublishesTheWatchlistAndMatchingUsesIt() throws Exception {
    CommandRun apply = CommandRun.of("rules", "apply", write("first.yaml", FIRST_WATCHLIST), "--config",
        config.toString());
    assertEquals(0, apply.exitCode(), apply.err());
    assertEquals(List.of("+ leeds-teaching-hospitals  Leeds Teaching Hospitals NHS Trust",
        "applied: 1 added or changed, 0 removed"), apply.outLines());
    // The streams role may still be starting: keep posting until the first match shows it is running with the rules.
    try (MatchedWatcher watcher = new MatchedWatcher(broker.bootstrapServers())) {
      AtomicLong sent = new AtomicLong();
      await(watcher, "leeds-teaching-hospitals", Duration.ofSeconds(90),
          () -> send("mastodon:warm-up-" + sent.incrementAndGet(), "Long waits at LTHT today"));
    }
  }

  @Test
  @Order(2)
  void aNewRuleMatchesWithinFiveSecondsOfApply() throws Exception {
    AtomicLong sent = new AtomicLong();
    ScheduledExecutorService mentions = Executors.newSingleThreadScheduledExecutor();
    try (MatchedWatcher watcher = new MatchedWatcher(broker.bootstrapServers())) {
      // Mentions for the new rule flow before, during and after the apply, as they would in production.
      mentions.scheduleAtFixedRate(() -> send("bluesky:m" + sent.incrementAndGet(),
          "Please share #SaveAiredaleMaternity now"), 0, 100, TimeUnit.MILLISECONDS);
      long start = System.nanoTime();
      CommandRun apply = CommandRun.of("rules", "apply", write("second.yaml", SECOND_WATCHLIST), "--config",
          config.toString());
      assertEquals(0, apply.exitCode(), apply.err());
      assertEquals(List.of("+ airedale-nhs-ft  Airedale NHS Foundation Trust",
          "applied: 1 added or changed, 0 removed"), apply.outLines(), "only the new organisation is published");
      Duration took = Duration.ofNanos(await(watcher, "airedale-nhs-ft", Duration.ofSeconds(30), () -> { }) - start);
      LOG.info("rules apply (the command took {} ms) to the first mention matched by the new rule: {} ms",
          apply.took().toMillis(), took.toMillis());
      assertTrue(took.compareTo(APPLY_TO_MATCH_LIMIT) <= 0, "apply to first match took " + took.toMillis() + " ms");
    } finally {
      mentions.shutdownNow();
    }
  }

  @Test
  @Order(3)
  void validateListsEveryErrorWithItsPositionAndApplyPublishesNothing() throws Exception {
    String invalid = write("invalid.yaml", INVALID_WATCHLIST);
    CommandRun validate = CommandRun.of("rules", "validate", invalid);
    assertEquals(1, validate.exitCode());
    assertEquals(List.of(
        "organisation leeds-teaching-hospitals, rule name: query at character 19: unexpected ')' "
            + "[organisations[0].rules[0].query]",
        "organisation leeds-teaching-hospitals, rule lower: query at character 5: lower-case 'and' is searched as a "
            + "word; write AND for the operator, or \"and\" to search the word [organisations[0].rules[1].query]",
        "id: 'Bradford' must be 1-64 characters of a-z, 0-9 and '-', starting with a letter or digit "
            + "[organisations[1].id]",
        "type: 'hospital' is not one of trust, icb, gp-federation, region, national, other [organisations[1].type]",
        "4 problem(s) in " + invalid), validate.errLines());

    Map<TopicPartition, Long> before = rulesEndOffsets();
    CommandRun apply = CommandRun.of("rules", "apply", invalid, "--config", config.toString());
    assertEquals(1, apply.exitCode());
    assertTrue(apply.err().contains("not applied: 4 problem(s)"), apply.err());
    assertEquals(before, rulesEndOffsets(), "an invalid file publishes nothing");
  }

  @Test
  @Order(4)
  void listAndPreviewReadWhatIsLive() throws Exception {
    CommandRun list = CommandRun.of("rules", "list", "--config", config.toString());
    assertEquals(0, list.exitCode(), list.err());
    assertTrue(list.out().contains("airedale-nhs-ft  Airedale NHS Foundation Trust (TRUST)"), list.out());
    assertTrue(list.out().contains("campaign         #SaveAiredaleMaternity OR \"Airedale maternity\""), list.out());

    // Twenty distinct voices (the repeated campaign text above is partly echoes, which never reach the unique topic).
    List<String> ids = IntStream.rangeClosed(1, 20).mapToObj(i -> "bluesky:preview-" + i).toList();
    try (MatchedWatcher watcher = new MatchedWatcher(broker.bootstrapServers())) {
      Random words = new Random(4);
      ids.forEach(id -> send(id, "share #SaveAiredaleMaternity " + IntStream.range(0, 8)
          .mapToObj(w -> VOCABULARY.get(words.nextInt(VOCABULARY.size()))).collect(Collectors.joining(" "))));
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(watcher::matched));
    }
    CommandRun preview = CommandRun.of("rules", "preview", "--org", "airedale-nhs-ft", "--query", "share",
        "--topic", Topics.MENTIONS_UNIQUE.name(), "--last", "20", "--json", "--config", config.toString());
    assertEquals(0, preview.exitCode(), preview.err());
    List<JsonNode> lines = preview.outLines().stream().map(RulesLifecycleIT::json).toList();
    JsonNode summary = lines.get(lines.size() - 1);
    assertEquals(20, summary.get("mentions").asInt(), preview.out());
    List<JsonNode> matches = lines.subList(0, lines.size() - 1);
    assertEquals(ids, matches.stream().map(match -> match.get("id").asText()).sorted(
        Comparator.comparingInt(id -> Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)))).toList(),
        "the twenty latest mentions, each with the campaign tag and the draft word");
    assertEquals(List.of("campaign", "draft"), ruleIds(matches.get(0)));
    assertEquals(List.of("share", "#saveairedalematernity"), terms(matches.get(0)));
  }

  private static String write(String name, String yaml) throws Exception {
    return Files.writeString(dir.resolve(name), yaml).toString();
  }

  private static void send(String id, String text) {
    Instant now = Instant.now();
    producer.send(new ProducerRecord<>(Topics.MENTIONS_RAW.name(), id,
        Mention.builder(id, id.substring(0, id.indexOf(':')), text, now, now).build()));
  }

  /** Runs {@code meanwhile} every 200 ms until {@code orgId}'s first match arrives; returns when it arrived. */
  private static long await(MatchedWatcher watcher, String orgId, Duration timeout, Runnable meanwhile) {
    return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
      meanwhile.run();
      return watcher.firstSeen(orgId);
    }, seen -> seen != null);
  }

  private static Map<TopicPartition, Long> rulesEndOffsets() throws Exception {
    try (Admin admin = Admin.create(KafkaTestClients.base(broker.bootstrapServers()))) {
      List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.RULES.name())).allTopicNames().get()
          .get(Topics.RULES.name()).partitions().stream()
          .map(p -> new TopicPartition(Topics.RULES.name(), p.partition())).toList();
      return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
          .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
  }

  private static JsonNode json(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private static List<String> ruleIds(JsonNode match) {
    return StreamSupport.stream(match.get("ruleIds").spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> terms(JsonNode match) {
    return StreamSupport.stream(match.get("terms").spliterator(), false).map(JsonNode::asText).toList();
  }
}
