package io.nhslistener.streams.windows;

import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.topic.Topics;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The window stage: {@code listener.mentions.matched} → {@code listener.org.stats}. Per organisation, epoch-aligned
 * tumbling windows on event time ({@code createdAt}) with a grace period, each emitted once when it closes, zero-count
 * windows for every watched organisation included, closing on the wall clock when no mentions move event time; then
 * roll-ups of those windows ({@code streams.rollups}) to the same topic, told apart by their length
 * ({@code windowEnd − windowStart}). Late mentions go to {@code listener.deadletter} (stage {@value #STAGE}, reason
 * late).
 *
 * <p>Operators are named {@code windows-…}; state lives in {@value #WINDOW_STORE} and {@value #ROLLUP_STORE}
 * (persistent, changelogged). Run with {@code processing.guarantee=exactly_once_v2} for windows that are exactly-once
 * across restarts, and with {@link io.nhslistener.streams.errors.StreamsErrorHandling} so unreadable records are
 * dead-lettered.
 */
public final class WindowStage {
  /** Stage name in dead letters and node names. */
  public static final String STAGE = "windows";
  /** Per-organisation frontier and open windows. */
  public static final String WINDOW_STORE = "windows-open";
  /** Partial roll-ups. */
  public static final String ROLLUP_STORE = "windows-rollups";

  private WindowStage() {}

  /**
   * Adds the stage to {@code builder}.
   *
   * @param builder the builder; may hold other stages (this one sources only {@code listener.mentions.matched})
   * @param config timing
   * @param matchedPartitions the actual partition count of {@code listener.mentions.matched}; it decides which task
   *     emits a silent organisation's windows (the one its key hashes to), so it must be the broker's count, not the
   *     configured one, when they differ
   * @param watchlistStore name of a global key-value store keyed by organisation id (values unused), e.g. from
   *     {@link WatchlistTable#register}
   * @param metrics the stage's meters
   * @param deadLetters the process's dead-letter builder and counter
   * @throws IllegalArgumentException if {@code matchedPartitions} is below 1
   */
  public static void addTo(StreamsBuilder builder, WindowConfig config, int matchedPartitions, String watchlistStore,
      WindowMetrics metrics, DeadLetters deadLetters) {
    if (matchedPartitions < 1) {
      throw new IllegalArgumentException("matchedPartitions must be at least 1, got " + matchedPartitions);
    }
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOW_STORE),
        Serdes.String(), WindowCodec.orgWindowsSerde()).withCachingEnabled());

    KStream<String, WindowOutput> outputs = builder
        .stream(Topics.MENTIONS_MATCHED.name(), Consumed.with(Topics.MENTIONS_MATCHED.keySerde(),
                Topics.MENTIONS_MATCHED.valueSerde())
            .withTimestampExtractor(new CreatedAtTimestampExtractor())
            .withName("windows-source"))
        .process(() -> new WindowProcessor(config, matchedPartitions, watchlistStore, metrics, deadLetters),
            Named.as("windows-aggregate"), WINDOW_STORE);

    Map<String, KStream<String, WindowOutput>> branches = outputs.split(Named.as("windows-"))
        .branch((orgId, output) -> output instanceof WindowOutput.Late, Branched.as("late"))
        .defaultBranch(Branched.as("closed"));

    branches.get("windows-late")
        .mapValues(output -> ((WindowOutput.Late) output).deadLetter(), Named.as("windows-late-letters"))
        .to(Topics.DEADLETTER.name(), Produced.with(Serdes.String(), Serdes.ByteArray())
            .withName("windows-deadletter-sink"));

    KStream<String, WindowAggregate> closed = branches.get("windows-closed")
        .mapValues(output -> ((WindowOutput.Closed) output).window(), Named.as("windows-closed-windows"));
    KStream<String, WindowAggregate> withRollups = closed;
    if (!config.rollups().isEmpty()) {
      builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROLLUP_STORE),
          Serdes.String(), WindowCodec.aggregateSerde()).withCachingEnabled());
      withRollups = closed.process(() -> new RollupProcessor(config, metrics), Named.as("windows-rollup"),
          ROLLUP_STORE);
    }
    withRollups
        .mapValues((orgId, window) -> window.toStats(orgId), Named.as("windows-stats"))
        .to(Topics.ORG_STATS.name(), Produced.with(Topics.ORG_STATS.keySerde(), Topics.ORG_STATS.valueSerde())
            .withName("windows-stats-sink"));
  }
}
