package io.nhslistener.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.streams.dedupe.DedupeConfig;
import io.nhslistener.streams.errors.StreamsErrorHandling;
import io.nhslistener.streams.match.Matching;
import io.nhslistener.streams.match.ToSentiment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The dedupe and match stages in a {@link TopologyTestDriver} with the dead-letter handlers, a meter registry and a
 * sentiment function that counts its calls. Every input is piped with an explicit event time.
 */
public final class StagesFixture implements AutoCloseable {
  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  /** Sentiment the fake scorer returns for every text. */
  public static final Sentiment SCORED = new Sentiment(-0.5, SentimentLabel.NEGATIVE);

  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final AtomicInteger sentimentCalls = new AtomicInteger();
  public final Matching matching;
  public final TopologyTestDriver driver;
  public final TestInputTopic<String, Mention> raw;
  public final TestInputTopic<String, byte[]> rawBytes;
  public final TestInputTopic<String, Mention> unique;
  public final TestInputTopic<String, byte[]> uniqueBytes;
  public final TestInputTopic<String, Watch> rules;
  public final TestInputTopic<String, byte[]> rulesBytes;
  public final TestOutputTopic<String, Mention> uniqueOut;
  public final TestOutputTopic<String, MatchedMention> matched;
  public final TestOutputTopic<byte[], DeadLetter> deadLetters;

  private StagesFixture(DedupeConfig dedupe, boolean withMatching, Path stateDir) {
    ToSentiment sentiment = text -> {
      sentimentCalls.incrementAndGet();
      return SCORED;
    };
    matching = Matching.create(sentiment, registry);
    DeadLetters letters = new DeadLetters(registry, Clock.fixed(T0, ZoneOffset.UTC));
    StreamsBuilder builder = new StreamsBuilder();
    if (dedupe != null) {
      DedupeAndMatchTopology.addDedupe(builder, dedupe, registry);
    }
    if (withMatching) {
      DedupeAndMatchTopology.addMatching(builder, matching, registry);
    }
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "stages-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    StreamsErrorHandling.configure(props, letters);
    driver = new TopologyTestDriver(builder.build(), props, T0);
    raw = driver.createInputTopic(Topics.MENTIONS_RAW.name(), new StringSerializer(),
        Topics.MENTIONS_RAW.valueSerde().serializer());
    rawBytes = driver.createInputTopic(Topics.MENTIONS_RAW.name(), new StringSerializer(), new ByteArraySerializer());
    unique = driver.createInputTopic(Topics.MENTIONS_UNIQUE.name(), new StringSerializer(),
        Topics.MENTIONS_UNIQUE.valueSerde().serializer());
    uniqueBytes = driver.createInputTopic(Topics.MENTIONS_UNIQUE.name(), new StringSerializer(),
        new ByteArraySerializer());
    rules = driver.createInputTopic(Topics.RULES.name(), new StringSerializer(),
        Topics.RULES.valueSerde().serializer());
    rulesBytes = driver.createInputTopic(Topics.RULES.name(), new StringSerializer(), new ByteArraySerializer());
    uniqueOut = driver.createOutputTopic(Topics.MENTIONS_UNIQUE.name(), new StringDeserializer(),
        Topics.MENTIONS_UNIQUE.valueSerde().deserializer());
    matched = driver.createOutputTopic(Topics.MENTIONS_MATCHED.name(), new StringDeserializer(),
        Topics.MENTIONS_MATCHED.valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(Topics.DEADLETTER.name(), new ByteArrayDeserializer(),
        Topics.DEADLETTER.valueSerde().deserializer());
  }

  /** Dedupe only: raw mentions in, unique mentions out. */
  public static StagesFixture dedupe(DedupeConfig config, Path stateDir) {
    return new StagesFixture(config, false, stateDir);
  }

  /** Matching only: unique mentions and rules in, matched mentions out. */
  public static StagesFixture matching(Path stateDir) {
    return new StagesFixture(null, true, stateDir);
  }

  /** Both stages, as the streams role runs them. */
  public static StagesFixture both(DedupeConfig config, Path stateDir) {
    return new StagesFixture(config, true, stateDir);
  }

  /** A mention posted {@code minutesAfterT0} after {@link #T0}, fetched a second later. */
  public static Mention.Builder mention(String id, String text, long minutesAfterT0) {
    Instant created = T0.plusSeconds(minutesAfterT0 * 60);
    return Mention.builder(id, id.substring(0, id.indexOf(':')), text, created, created.plusSeconds(1));
  }

  /** Pipes a mention to the raw topic at its event time. */
  public void raw(Mention mention) {
    raw.pipeInput(mention.id(), mention, mention.createdAt());
  }

  /** Pipes a mention to the unique topic at its event time. */
  public void unique(Mention mention) {
    unique.pipeInput(mention.id(), mention, mention.createdAt());
  }

  /** Publishes an organisation with the given {@code id=query} rules (no language or source restriction). */
  public void watch(String orgId, String... rulesAsIdEqualsQuery) {
    List<WatchRule> list = Arrays.stream(rulesAsIdEqualsQuery)
        .map(r -> new WatchRule(r.substring(0, r.indexOf('=')), r.substring(r.indexOf('=') + 1), List.of(), List.of()))
        .toList();
    watch(Watch.of(new Organisation(orgId, "Organisation " + orgId, OrgType.TRUST, null, List.of()), list, List.of(),
        null));
  }

  /** Publishes a watch as {@code rules apply} does: keyed by organisation id. */
  public void watch(Watch watch) {
    rules.pipeInput(watch.orgId(), watch, T0);
  }

  /** Deletes an organisation (tombstone). */
  public void unwatch(String orgId) {
    rules.pipeInput(orgId, null, T0);
  }

  @Override
  public void close() {
    driver.close();
    try {
      matching.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
