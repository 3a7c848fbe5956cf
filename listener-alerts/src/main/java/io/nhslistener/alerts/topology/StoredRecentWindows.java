package io.nhslistener.alerts.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Recent windows in the {@value AlertTopology#RECENT_STORE} window store, each put once under its organisation and
 * window start, so the changelog carries every window's citations once rather than a growing list per window. The
 * store drops windows older than its retention behind the newest window it holds (its stream time).
 */
final class StoredRecentWindows implements RecentWindows {
  private final WindowStore<String, RecentWindow> store;

  StoredRecentWindows(WindowStore<String, RecentWindow> store) {
    this.store = store;
  }

  @Override
  public void add(String orgId, RecentWindow window) {
    store.put(orgId, window, window.windowStart().toEpochMilli());
  }

  @Override
  public List<RecentWindow> between(String orgId, Instant from, Instant to) {
    List<RecentWindow> windows = new ArrayList<>();
    try (WindowStoreIterator<RecentWindow> found = store.fetch(orgId, from, to)) {
      found.forEachRemaining(kv -> windows.add(kv.value));
    }
    return windows;
  }
}
