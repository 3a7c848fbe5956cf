package io.nhslistener.app.process;

import io.nhslistener.core.config.ConfigException;
import io.nhslistener.core.config.ConfigProblem;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.config.SectionEntry;
import io.nhslistener.core.text.SocialTextAnalyzer;
import io.nhslistener.core.watch.LoadedWatchlist;
import io.nhslistener.core.watch.RuleQueryParser;
import io.nhslistener.core.watch.WatchlistLoader;
import io.nhslistener.core.watch.WatchlistProblem;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** Loads a watchlist for start-up, turning its problems into configuration problems so the process exits 2. */
public final class Watchlists {
  private Watchlists() {}

  /** The route ids defined under {@code routes:}, which watchlists may name. */
  public static Set<String> routeIds(ListenerConfig config) {
    return config.section("routes").stream().map(SectionEntry::id).collect(Collectors.toSet());
  }

  /**
   * Reads and validates {@code file} against the configured route ids.
   *
   * @throws ConfigException with one problem per watchlist problem
   */
  public static LoadedWatchlist load(Path file, Set<String> routeIds) {
    return check(loader(routeIds).load(file), file.toString());
  }

  /** As {@link #load}, from YAML text; {@code origin} names it in messages. */
  public static LoadedWatchlist parse(String yaml, String origin, Set<String> routeIds) {
    return check(loader(routeIds).parse(yaml), origin);
  }

  private static WatchlistLoader loader(Set<String> routeIds) {
    return new WatchlistLoader(new RuleQueryParser(new SocialTextAnalyzer()), routeIds);
  }

  private static LoadedWatchlist check(LoadedWatchlist loaded, String origin) {
    if (!loaded.isValid()) {
      throw new ConfigException(loaded.problems().stream()
          .map((WatchlistProblem problem) -> new ConfigProblem("watchlist " + origin, null, problem.render()))
          .toList());
    }
    return loaded;
  }
}
