package io.nhslistener.streams.windows;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The watchlist organisations whose home ({@link HomePartition}) is one task's partition: the organisations that task
 * emits windows for even when they have no mentions. Reads only the keys of the watchlist store, so it works with any
 * key-value store keyed by organisation id. Not thread-safe; one per task.
 */
final class HomeOrganisations {
  private final ReadOnlyKeyValueStore<String, ?> watchlist;
  private final int partition;
  private final int partitions;
  private final Map<String, Integer> homes = new HashMap<>();

  HomeOrganisations(ReadOnlyKeyValueStore<String, ?> watchlist, int partition, int partitions) {
    this.watchlist = watchlist;
    this.partition = partition;
    this.partitions = partitions;
  }

  /** The watchlist organisations at home here, in key order. */
  Set<String> current() {
    Set<String> owned = new LinkedHashSet<>();
    try (KeyValueIterator<String, ?> all = watchlist.all()) {
      while (all.hasNext()) {
        String orgId = all.next().key;
        if (isHome(orgId)) {
          owned.add(orgId);
        }
      }
    }
    return owned;
  }

  boolean isHome(String orgId) {
    return homes.computeIfAbsent(orgId, id -> HomePartition.of(id, partitions)) == partition;
  }
}
