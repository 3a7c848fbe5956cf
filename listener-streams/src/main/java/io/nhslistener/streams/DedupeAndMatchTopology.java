package io.nhslistener.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.streams.dedupe.DedupeConfig;
import io.nhslistener.streams.dedupe.DedupeStage;
import io.nhslistener.streams.errors.RequiredValues;
import io.nhslistener.streams.match.MatchStage;
import io.nhslistener.streams.match.Matching;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The first two stages of the streams role, added to a caller's {@link StreamsBuilder} so that the app can compose
 * them with the window stage into one topology:
 *
 * <pre>
 * listener.mentions.raw ─ dedupe-source-raw ─ dedupe-require-value
 *   ─ dedupe-single-partition (repartition, 1 partition)
 *   ─ dedupe-decide [dedupe-sightings, dedupe-fingerprints] ─ dedupe-sink-unique ─ listener.mentions.unique
 * listener.mentions.unique ─ match-source-unique ─ match-mentions ─ match-sink-matched ─ listener.mentions.matched
 * listener.rules ─ match-source-rules ─ global store match-rules (updates the Monitor in place)
 * </pre>
 *
 * <p>Every node is named {@code dedupe-…} or {@code match-…}, which is the stage dead letters report. Run the topology
 * with {@code io.nhslistener.streams.errors.StreamsErrorHandling} (poison records are dead-lettered, never fatal) and
 * {@code processing.guarantee=exactly_once_v2} (so that dedupe state and outputs commit together and a restart decides
 * the same way).
 */
public final class DedupeAndMatchTopology {
  private DedupeAndMatchTopology() {}

  /**
   * Adds both stages.
   *
   * @return the name of the global store of live watches by organisation id, for stages that need the watchlist
   *     ({@code listener.rules} can be a source only once per topology)
   */
  public static String buildTopology(StreamsBuilder builder, DedupeConfig dedupe, Matching matching,
      MeterRegistry registry) {
    addDedupe(builder, dedupe, registry);
    return addMatching(builder, matching, registry);
  }

  /**
   * Adds {@code listener.mentions.raw} → dedupe → {@code listener.mentions.unique}. Event time is the mention's
   * {@code createdAt} ({@link MentionTimestamps}). All raw mentions pass through one repartition partition: reposts and
   * near-duplicates of a post arrive under other keys, and only one task can see them all.
   */
  public static void addDedupe(StreamsBuilder builder, DedupeConfig config, MeterRegistry registry) {
    builder.stream(Topics.MENTIONS_RAW.name(), Consumed.with(Topics.MENTIONS_RAW.keySerde(),
                Topics.MENTIONS_RAW.valueSerde())
            .withTimestampExtractor(new MentionTimestamps())
            .withName("dedupe-source-raw"))
        // Before the repartition, so that a null value is dead-lettered with its offset in listener.mentions.raw.
        .mapValues(mention -> RequiredValues.require(mention, "Mention"), Named.as("dedupe-require-value"))
        .repartition(Repartitioned.<String, Mention>as("dedupe-single-partition")
            .withKeySerde(Topics.MENTIONS_RAW.keySerde())
            .withValueSerde(Topics.MENTIONS_RAW.valueSerde())
            .withNumberOfPartitions(1))
        .process(DedupeStage.processor(config, registry), Named.as("dedupe-decide"))
        .to(Topics.MENTIONS_UNIQUE.name(), Produced.with(Topics.MENTIONS_UNIQUE.keySerde(),
            Topics.MENTIONS_UNIQUE.valueSerde()).withName("dedupe-sink-unique"));
  }

  /**
   * Adds {@code listener.mentions.unique} → match → {@code listener.mentions.matched} and the {@code listener.rules}
   * global store whose updates reach {@code matching}'s Monitor without a restart.
   *
   * @return the global store's name, {@link MatchStage#RULES_STORE}
   */
  public static String addMatching(StreamsBuilder builder, Matching matching, MeterRegistry registry) {
    builder.addGlobalStore(MatchStage.rulesStore(), Topics.RULES.name(),
        Consumed.with(Topics.RULES.keySerde(), Serdes.ByteArray()).withName("match-source-rules"),
        MatchStage.rulesUpdater(matching, registry));
    builder.stream(Topics.MENTIONS_UNIQUE.name(), Consumed.with(Topics.MENTIONS_UNIQUE.keySerde(),
                Topics.MENTIONS_UNIQUE.valueSerde())
            .withName("match-source-unique"))
        .process(MatchStage.processor(matching, registry), Named.as("match-mentions"))
        .to(Topics.MENTIONS_MATCHED.name(), Produced.with(Topics.MENTIONS_MATCHED.keySerde(),
            Topics.MENTIONS_MATCHED.valueSerde()).withName("match-sink-matched"));
    return MatchStage.RULES_STORE;
  }
}
