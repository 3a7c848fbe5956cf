package io.nhslistener.streams.windows;

import io.nhslistener.core.model.Watch;
import io.nhslistener.core.topic.Topics;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The watchlist as a global table: {@code listener.rules} (compacted, {@link Watch} values keyed by organisation id,
 * tombstones delete) materialised in every instance under {@link #STORE}. A topic can be sourced only once per
 * topology, so when several stages need the watchlist one of them registers it and the others read the store by name.
 */
public final class WatchlistTable {
  /** Store name of the global watchlist table. */
  public static final String STORE = "watchlist";

  private WatchlistTable() {}

  /**
   * Adds the global table to {@code builder}.
   *
   * @return the store name, {@link #STORE}
   * @throws org.apache.kafka.streams.errors.TopologyException if {@code listener.rules} is already a source of
   *     {@code builder}
   */
  public static String register(StreamsBuilder builder) {
    builder.globalTable(Topics.RULES.name(),
        Consumed.with(Topics.RULES.keySerde(), Topics.RULES.valueSerde()).withName("watchlist-source"),
        Materialized.<String, Watch, KeyValueStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(Topics.RULES.keySerde()).withValueSerde(Topics.RULES.valueSerde()));
    return STORE;
  }
}
