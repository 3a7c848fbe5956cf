package io.nhslistener.streams.dedupe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/** {@code listener_dedupe_mentions_total{source,outcome}}. Thread-safe. */
final class DedupeMetrics {
  static final String METER = "listener.dedupe.mentions";
  /** Source labels are connector types; anything else is reported as {@code other} to keep the label bounded. */
  private static final Pattern SOURCE_LABEL = Pattern.compile("[a-z0-9-]{1,32}");

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

  DedupeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void count(String source, DedupeOutcome outcome) {
    String label = source != null && SOURCE_LABEL.matcher(source).matches() ? source : "other";
    counters.computeIfAbsent(label + '|' + outcome.label(), k -> Counter.builder(METER)
        .description("Raw mentions through the dedupe stage, by source and what was done with them")
        .tag("source", label)
        .tag("outcome", outcome.label())
        .register(registry)).increment();
  }
}
