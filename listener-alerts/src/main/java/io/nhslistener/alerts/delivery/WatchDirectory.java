package io.nhslistener.alerts.delivery;

import io.nhslistener.core.model.Watch;
import java.util.Optional;

/** The current watchlist by organisation id: names, parents, routes and alert settings. Thread-safe. */
@FunctionalInterface
public interface WatchDirectory {
  /** The organisation's watch, if the watchlist has it. */
  Optional<Watch> find(String orgId);
}
