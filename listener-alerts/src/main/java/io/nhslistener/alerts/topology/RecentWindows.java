package io.nhslistener.alerts.topology;

import java.time.Instant;
import java.util.List;

/** Where the recent windows an alert may cite are kept, per organisation. */
interface RecentWindows {
  /** Keeps a judged window's citations. */
  void add(String orgId, RecentWindow window);

  /** The organisation's kept windows starting in {@code [from, to]}, oldest first. */
  List<RecentWindow> between(String orgId, Instant from, Instant to);
}
