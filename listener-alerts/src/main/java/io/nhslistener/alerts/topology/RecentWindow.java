package io.nhslistener.alerts.topology;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.TermCount;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.serde.JsonSerde;
import java.time.Instant;
import java.util.List;

/**
 * What an alert may cite of one recent window: its top terms and sample mentions. The value of the
 * {@value AlertTopology#RECENT_STORE} window store, as JSON.
 *
 * @param windowStart the window's start
 * @param topTerms at most {@value #MAX_TERMS} terms, as the window reported them
 * @param samples at most {@value #MAX_SAMPLES} sample mentions, as the window reported them
 */
record RecentWindow(
    @JsonProperty(required = true) Instant windowStart, List<TermCount> topTerms, List<SampleMention> samples) {
  static final int MAX_TERMS = 10;
  static final int MAX_SAMPLES = 5;
  static final JsonSerde<RecentWindow> SERDE = new JsonSerde<>(RecentWindow.class);

  RecentWindow {
    if (windowStart == null) {
      throw new RecordFormatException("RecentWindow", "windowStart", null, "is required");
    }
    topTerms = topTerms == null ? List.of() : List.copyOf(topTerms.subList(0, Math.min(MAX_TERMS, topTerms.size())));
    samples = samples == null ? List.of() : List.copyOf(samples.subList(0, Math.min(MAX_SAMPLES, samples.size())));
  }

  static RecentWindow of(WindowStats window) {
    return new RecentWindow(window.windowStart(), window.topTerms(), window.samples());
  }

  /** True when there is nothing to cite (a quiet window). */
  boolean isEmpty() {
    return topTerms.isEmpty() && samples.isEmpty();
  }
}
