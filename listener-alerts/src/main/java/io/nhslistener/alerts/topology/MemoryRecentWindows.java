package io.nhslistener.alerts.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recent windows in memory, for replays outside Kafka Streams: per organisation, windows older than {@code horizon}
 * behind its newest are dropped as new ones arrive. Windows must be added in order. Not thread-safe.
 */
final class MemoryRecentWindows implements RecentWindows {
  private final Duration horizon;
  private final Map<String, Deque<RecentWindow>> byOrg = new HashMap<>();

  MemoryRecentWindows(Duration horizon) {
    this.horizon = horizon;
  }

  @Override
  public void add(String orgId, RecentWindow window) {
    Deque<RecentWindow> windows = byOrg.computeIfAbsent(orgId, k -> new ArrayDeque<>());
    windows.addLast(window);
    Instant oldest = window.windowStart().minus(horizon);
    while (windows.getFirst().windowStart().isBefore(oldest)) {
      windows.removeFirst();
    }
  }

  @Override
  public List<RecentWindow> between(String orgId, Instant from, Instant to) {
    return byOrg.getOrDefault(orgId, new ArrayDeque<>()).stream()
        .filter(w -> !w.windowStart().isBefore(from) && !w.windowStart().isAfter(to))
        .toList();
  }
}
