package io.nhslistener.streams.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.streams.DedupeAndMatchTopology;
import io.nhslistener.streams.errors.StreamsErrorHandling;
import io.nhslistener.streams.match.Matching;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window stage composed with the matching stage in one topology, as the streams role runs them: it reads the
 * watchlist from the matching stage's global rules store ({@code listener.rules} is sourced once) and windows what
 * matching writes to {@code listener.mentions.matched}.
 */
class ComposedWithMatchingTest {
  private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

  @TempDir Path stateDir;

  @Test
  void windowsMatchedMentionsAndSilentOrganisationsFromTheMatchingStagesWatchlist() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeadLetters deadLetters = new DeadLetters(registry, Clock.fixed(T0, ZoneOffset.UTC));
    WindowConfig config = new WindowConfig(Duration.ofMinutes(1), Duration.ofSeconds(30), List.of(),
        Duration.ofSeconds(1), Duration.ZERO);
    try (Matching matching = Matching.create(text -> new Sentiment(-0.5, SentimentLabel.NEGATIVE), registry)) {
      StreamsBuilder builder = new StreamsBuilder();
      String rulesStore = DedupeAndMatchTopology.addMatching(builder, matching, registry);
      WindowStage.addTo(builder, config, 1, rulesStore, new WindowMetrics(registry), deadLetters);
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "composed-test");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      StreamsErrorHandling.configure(props, deadLetters);

      try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props, T0)) {
        TestInputTopic<String, Watch> rules = driver.createInputTopic(Topics.RULES.name(), new StringSerializer(),
            Topics.RULES.valueSerde().serializer());
        TestInputTopic<String, Mention> unique = driver.createInputTopic(Topics.MENTIONS_UNIQUE.name(),
            new StringSerializer(), Topics.MENTIONS_UNIQUE.valueSerde().serializer());
        TestOutputTopic<String, WindowStats> stats = driver.createOutputTopic(Topics.ORG_STATS.name(),
            new StringDeserializer(), Topics.ORG_STATS.valueSerde().deserializer());
        rules.pipeInput("trust-a", watch("trust-a", "ambulance"), T0);
        rules.pipeInput("trust-quiet", watch("trust-quiet", "quietword"), T0);

        driver.advanceWallClockTime(Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
          Instant created = T0.plusSeconds(10 + i);
          unique.pipeInput("rss:" + i, Mention.builder("rss:" + i, "rss", "ambulance delays again", created,
              created.plusSeconds(1)).authorKey("author-" + i).build(), created);
        }
        for (int second = 0; second < 85; second++) {
          driver.advanceWallClockTime(Duration.ofSeconds(1));
        }

        List<WindowStats> windows = stats.readValuesToList();
        assertEquals(List.of("trust-a@2025-03-03T09:59:00Z=0", "trust-quiet@2025-03-03T09:59:00Z=0",
                "trust-a@2025-03-03T10:00:00Z=3", "trust-quiet@2025-03-03T10:00:00Z=0"),
            windows.stream().map(w -> w.orgId() + "@" + w.windowStart() + "=" + w.count()).toList());
        assertEquals(-0.5, windows.get(2).meanSentiment(), 1e-12);
      }
    }
  }

  private static Watch watch(String orgId, String term) {
    return Watch.of(new Organisation(orgId, "Org " + orgId, OrgType.TRUST, null, List.of()),
        List.of(new WatchRule("r1", term, List.of(), List.of())), List.of(), null);
  }
}
