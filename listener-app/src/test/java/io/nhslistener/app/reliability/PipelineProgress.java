package io.nhslistener.app.reliability;

import java.util.List;

/**
 * How much work one listener process has done since it started, from its own counters: mentions produced by ingest,
 * decided by dedupe, matched, windows and roll-ups emitted, alert records detected. Counters start at zero in every
 * process, so this measures one incarnation only.
 */
final class PipelineProgress {
  private static final List<String> WORK = List.of(
      "listener_ingest_produced_total",
      "listener_dedupe_mentions_total",
      "listener_match_mentions_total",
      "listener_windows_emitted_total",
      "listener_windows_rollups_emitted_total",
      "listener_alerts_detected_total");

  private PipelineProgress() {}

  /** Units of work in a scrape; 0 when the scrape is empty (endpoint not up). */
  static long units(String scrape) {
    if (scrape.isEmpty()) {
      return 0;
    }
    PrometheusSamples samples = PrometheusSamples.parse(scrape);
    return WORK.stream().mapToLong(name -> (long) samples.sum(name)).sum();
  }

  /** One counter's value summed over its labels; 0 when the scrape is empty. */
  static double counter(String scrape, String name) {
    return scrape.isEmpty() ? 0 : PrometheusSamples.parse(scrape).sum(name);
  }

  /** Each counter's value, for logs: which stages were working when a process was killed. */
  static String describe(String scrape) {
    if (scrape.isEmpty()) {
      return "(metrics not up)";
    }
    PrometheusSamples samples = PrometheusSamples.parse(scrape);
    StringBuilder text = new StringBuilder();
    for (String name : WORK) {
      text.append(name.replace("listener_", "").replace("_total", "")).append('=')
          .append((long) samples.sum(name)).append(' ');
    }
    return text.toString().strip();
  }
}
