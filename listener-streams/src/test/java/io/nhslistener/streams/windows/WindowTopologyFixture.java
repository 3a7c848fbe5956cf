package io.nhslistener.streams.windows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.DeadLetter;
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
import io.nhslistener.core.topic.Topics;
import io.nhslistener.streams.errors.StreamsErrorHandling;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The window stage in a {@link TopologyTestDriver} (one partition, task 0), with the watchlist table, the dead-letter
 * handlers and a meter registry; the wall clock starts where the test says and moves only when the test moves it.
 */
final class WindowTopologyFixture implements AutoCloseable {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final TopologyTestDriver driver;
  final Topology topology;
  final TestInputTopic<String, MatchedMention> matched;
  final TestInputTopic<String, byte[]> matchedBytes;
  final TestInputTopic<String, Watch> rules;
  final TestInputTopic<String, byte[]> rulesBytes;
  final TestOutputTopic<String, WindowStats> stats;
  final TestOutputTopic<byte[], DeadLetter> deadLetters;
  private final List<WindowStats> emitted = new ArrayList<>();

  WindowTopologyFixture(WindowConfig config, int matchedPartitions, Instant wallClockStart, Path stateDir) {
    DeadLetters letters = new DeadLetters(registry, Clock.fixed(wallClockStart, ZoneOffset.UTC));
    StreamsBuilder builder = new StreamsBuilder();
    WindowStage.addTo(builder, config, matchedPartitions, WatchlistTable.register(builder),
        new WindowMetrics(registry), letters);
    topology = builder.build();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "windows-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    StreamsErrorHandling.configure(props, letters);
    driver = new TopologyTestDriver(topology, props, wallClockStart);
    matched = driver.createInputTopic(Topics.MENTIONS_MATCHED.name(), new StringSerializer(),
        Topics.MENTIONS_MATCHED.valueSerde().serializer());
    matchedBytes = driver.createInputTopic(Topics.MENTIONS_MATCHED.name(), new StringSerializer(),
        new ByteArraySerializer());
    rules = driver.createInputTopic(Topics.RULES.name(), new StringSerializer(),
        Topics.RULES.valueSerde().serializer());
    rulesBytes = driver.createInputTopic(Topics.RULES.name(), new StringSerializer(), new ByteArraySerializer());
    stats = driver.createOutputTopic(Topics.ORG_STATS.name(), new StringDeserializer(),
        Topics.ORG_STATS.valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(Topics.DEADLETTER.name(), new ByteArrayDeserializer(),
        Topics.DEADLETTER.valueSerde().deserializer());
  }

  void watch(String... orgIds) {
    for (String orgId : orgIds) {
      rules.pipeInput(orgId, Watch.of(new Organisation(orgId, "Org " + orgId, OrgType.TRUST, null, List.of()),
          List.of(new WatchRule("r1", "\"" + orgId + "\"", List.of(), List.of())), List.of(), null));
    }
  }

  void unwatch(String orgId) {
    rules.pipeInput(orgId, (Watch) null);
  }

  /** Pipes a mention with the given event time; the record's own timestamp is deliberately different. */
  void pipe(MatchedMention mention) {
    matched.pipeInput(mention.orgId(), mention, mention.mention().createdAt().plus(Duration.ofDays(3)));
  }

  /** Moves the wall clock in steps of {@code step}, firing punctuation at each. */
  void advanceWallClock(Duration total, Duration step) {
    for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
      driver.advanceWallClockTime(step);
    }
  }

  /** Everything emitted to listener.org.stats so far, in order. */
  List<WindowStats> emitted() {
    stats.readValuesToList().forEach(emitted::add);
    return emitted;
  }

  List<WindowStats> emitted(String orgId, Duration size) {
    return emitted().stream().filter(w -> w.orgId().equals(orgId) && w.size().equals(size)).toList();
  }

  double counter(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  static MatchedMention mention(String orgId, String id, Instant createdAt, String author, double compound,
      SentimentLabel label, List<String> terms, String source, long likes) {
    Mention mention = Mention.builder(id, source, "text of " + id, createdAt, createdAt.plusSeconds(1))
        .authorKey(author)
        .url("https://example.org/" + id)
        .engagement(new Engagement(likes, 0, 0))
        .build();
    return MatchedMention.of(mention, orgId, List.of("r1"), terms, new Sentiment(compound, label));
  }

  static MatchedMention neutral(String orgId, String id, Instant createdAt) {
    return mention(orgId, id, createdAt, "author-" + id, 0.0, SentimentLabel.NEUTRAL, List.of("term"), "mastodon", 0);
  }

  @Override
  public void close() {
    driver.close();
  }
}
