package io.nhslistener.streams.windows;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Meters of the window stage, tagged by {@code organisation} only (organisation ids come from the watchlist, so the
 * label is bounded): base windows and roll-ups emitted, late mentions, and gauges of each organisation's last closed
 * base window. Thread-safe; one instance serves every task of a process.
 *
 * <p>The gauges show the last window this process emitted: after a rebalance moves an organisation to another
 * instance, this one keeps showing the last value it saw.
 */
public final class WindowMetrics {
  static final String EMITTED = "listener.windows.emitted";
  static final String ROLLUPS_EMITTED = "listener.windows.rollups.emitted";
  static final String LATE = "listener.windows.late";
  static final String LAST_COUNT = "listener.windows.last.count";
  static final String LAST_MEAN_SENTIMENT = "listener.windows.last.mean.sentiment";
  static final String LAST_NEGATIVE_SHARE = "listener.windows.last.negative.share";
  static final String TAG = "organisation";

  private final MeterRegistry registry;
  private final ConcurrentMap<String, OrgMeters> meters = new ConcurrentHashMap<>();

  public WindowMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void windowClosed(String orgId, WindowAggregate window) {
    OrgMeters org = of(orgId);
    org.emitted.increment();
    org.lastCount = window.count();
    org.lastMeanSentiment = window.meanSentiment();
    org.lastNegativeShare = window.negativeShare();
  }

  void rollupClosed(String orgId) {
    of(orgId).rollupsEmitted.increment();
  }

  void late(String orgId) {
    of(orgId).late.increment();
  }

  private OrgMeters of(String orgId) {
    return meters.computeIfAbsent(orgId, id -> new OrgMeters(registry, id));
  }

  /** One organisation's meters; the gauges read the volatile fields. */
  private static final class OrgMeters {
    final Counter emitted;
    final Counter rollupsEmitted;
    final Counter late;
    volatile double lastCount;
    volatile double lastMeanSentiment;
    volatile double lastNegativeShare;

    OrgMeters(MeterRegistry registry, String orgId) {
      emitted = Counter.builder(EMITTED)
          .description("Base windows written to listener.org.stats, zero-count ones included")
          .tag(TAG, orgId).register(registry);
      rollupsEmitted = Counter.builder(ROLLUPS_EMITTED)
          .description("Roll-up windows (streams.rollups) written to listener.org.stats")
          .tag(TAG, orgId).register(registry);
      late = Counter.builder(LATE)
          .description("Mentions that arrived after their window was emitted (beyond grace), dead-lettered")
          .tag(TAG, orgId).register(registry);
      Gauge.builder(LAST_COUNT, this, m -> m.lastCount)
          .description("Mentions in the organisation's last closed base window")
          .tag(TAG, orgId).register(registry);
      Gauge.builder(LAST_MEAN_SENTIMENT, this, m -> m.lastMeanSentiment)
          .description("Mean compound sentiment (-1..1) of the organisation's last closed base window, 0 when empty")
          .tag(TAG, orgId).register(registry);
      Gauge.builder(LAST_NEGATIVE_SHARE, this, m -> m.lastNegativeShare)
          .description("Share of mentions labelled negative in the organisation's last closed base window")
          .tag(TAG, orgId).register(registry);
    }
  }
}
