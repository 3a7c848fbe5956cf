package io.nhslistener.streams.match;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Meters of the matching step:
 * <ul>
 *   <li>{@value #MENTIONS} counter {outcome}: unique mentions through matching, {@code matched} (at least one
 *       organisation), {@code unmatched} or {@code retraction};</li>
 *   <li>{@value #MATCHED} counter {organisation}: matched mentions per organisation (a mention naming two
 *       organisations counts once for each);</li>
 *   <li>{@value #LATENCY} histogram: from a matched mention's {@code ingestedAt} to the moment it was matched, by the
 *       wall clock. Replays of old archives keep their original {@code ingestedAt}, so their latencies are long on
 *       purpose: they say how far behind the live stream matching is.</li>
 * </ul>
 * Organisation labels are watchlist ids: bounded. Thread-safe; one instance per registry is enough, more are harmless
 * (Micrometer returns the registered meters).
 */
public final class MatchMeters {
  public static final String MENTIONS = "listener.match.mentions";
  public static final String MATCHED = "listener.matched";
  public static final String LATENCY = "listener.latency.matched";

  private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5)};

  private final MeterRegistry registry;
  private final Clock clock;
  private final Counter matchedMentions;
  private final Counter unmatched;
  private final Counter retractions;
  private final Timer latency;
  private final ConcurrentMap<String, Counter> byOrganisation = new ConcurrentHashMap<>();

  public MatchMeters(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.matchedMentions = outcome("matched");
    this.unmatched = outcome("unmatched");
    this.retractions = outcome("retraction");
    this.latency = Timer.builder(LATENCY)
        .description("End-to-end latency from ingest (the mention's ingestedAt) to matching")
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  void retraction() {
    retractions.increment();
  }

  /** Counts a mention with its {@code matches} (none: unmatched) and, when it matched, its latency. */
  void matched(Mention mention, List<MatchedMention> matches) {
    if (matches.isEmpty()) {
      unmatched.increment();
      return;
    }
    matchedMentions.increment();
    long millis = clock.millis() - mention.ingestedAt().toEpochMilli();
    latency.record(Duration.ofMillis(Math.max(0, millis)));
    for (MatchedMention match : matches) {
      byOrganisation.computeIfAbsent(match.orgId(), id -> Counter.builder(MATCHED)
          .description("Matched mentions by organisation")
          .tag("organisation", id)
          .register(registry)).increment();
    }
  }

  private Counter outcome(String outcome) {
    return Counter.builder(MENTIONS)
        .description("Unique mentions through matching, by outcome (matched at least one organisation, or not)")
        .tag("outcome", outcome)
        .register(registry);
  }
}
