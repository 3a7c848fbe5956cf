package io.nhslistener.streams.dedupe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/** {@code listener_dedupe_mentions_total{source,outcome}}. Thread-safe; no allocation once a source was seen. */
final class DedupeMetrics {
  static final String METER = "listener.dedupe.mentions";
  /** Source labels are connector types; anything else is reported as {@code other} to keep the label bounded. */
  private static final Pattern SOURCE_LABEL = Pattern.compile("[a-z0-9-]{1,32}");
  private static final String OTHER = "other";
  private static final DedupeOutcome[] OUTCOMES = DedupeOutcome.values();

  private final MeterRegistry registry;
  /** Counters by source as written on the mention, one per outcome. */
  private final ConcurrentMap<String, Counter[]> bySource = new ConcurrentHashMap<>();

  DedupeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void count(String source, DedupeOutcome outcome) {
    bySource.computeIfAbsent(source, this::countersFor)[outcome.ordinal()].increment();
  }

  private Counter[] countersFor(String source) {
    String label = SOURCE_LABEL.matcher(source).matches() ? source : OTHER;
    if (!label.equals(source)) {
      Counter[] other = bySource.get(OTHER);
      if (other != null) {
        return other;
      }
    }
    Counter[] counters = new Counter[OUTCOMES.length];
    for (DedupeOutcome outcome : OUTCOMES) {
      counters[outcome.ordinal()] = Counter.builder(METER)
          .description("Raw mentions through the dedupe stage, by source and what was done with them")
          .tag("source", label)
          .tag("outcome", outcome.label())
          .register(registry);
    }
    return counters;
  }
}
