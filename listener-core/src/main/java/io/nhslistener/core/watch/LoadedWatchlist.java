package io.nhslistener.core.watch;

import io.nhslistener.core.model.Watch;
import java.util.List;

/**
 * A watchlist as read from a file: the organisations that were read without fault and every problem found.
 * A watchlist with any problem must not be published.
 *
 * @param watches the organisations in file order (only those without problems)
 * @param problems every problem found, in file order
 */
public record LoadedWatchlist(List<Watch> watches, List<WatchlistProblem> problems) {
  public LoadedWatchlist {
    watches = List.copyOf(watches);
    problems = List.copyOf(problems);
  }

  /** True when the file has no problem at all. */
  public boolean isValid() {
    return problems.isEmpty();
  }
}
