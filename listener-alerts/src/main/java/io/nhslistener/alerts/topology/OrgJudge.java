package io.nhslistener.alerts.topology;

import io.nhslistener.alerts.detect.Decision;
import io.nhslistener.alerts.detect.DetectorSettings;
import io.nhslistener.alerts.detect.OrgAlertDetector;
import io.nhslistener.alerts.detect.WindowObservation;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of one organisation's alert detection, shared by the topology and the backtest: given the organisation's
 * state, its next window and its current settings, the new state and the alerts to publish.
 *
 * <p>Only base windows are judged: a window whose length is not the configured base length (a 15-minute or hourly
 * roll-up on the same topic) is ignored, and so is a window that does not start after the last one judged, which makes
 * replays and redeliveries idempotent. Empty windows before an organisation's first mention are not judged either:
 * the window stage emits a grace period of empty windows before the first mention it sees, and learning from them
 * would make an organisation's first ordinary mentions look like a surge. The detector is rebuilt from its snapshot at every step, so settings changed in
 * the watchlist apply from the next window and nothing but the state carries over between windows. An alert cites the
 * windows of its episode, back to {@value #RECENT_WINDOWS} window lengths. Stateless.
 */
final class OrgJudge {
  /** How many window lengths back an alert may cite windows from. */
  static final int RECENT_WINDOWS = 30;

  private static final Logger LOG = LoggerFactory.getLogger(OrgJudge.class);

  private final Duration window;
  private final Duration citable;
  private final AlertComposer composer;

  /**
   * @param window the base window length ({@code alerts.window}, equal to {@code streams.window})
   * @throws IllegalArgumentException if the length is not positive
   */
  OrgJudge(Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the base window must be positive, got " + window);
    }
    this.window = window;
    this.citable = citableSpan(window);
    this.composer = new AlertComposer(window);
  }

  /** How far before a window's start the windows an alert cites may start. */
  static Duration citableSpan(Duration window) {
    return window.multipliedBy(RECENT_WINDOWS - 1L);
  }

  /** The new state and the alerts of one judged window. */
  record Judgement(OrgState state, List<Alert> alerts) {}

  /**
   * Judges {@code stats} for its organisation, and keeps its citations in {@code recent}.
   *
   * @param state the organisation's state, or null when it has none yet
   * @param stats the next window from {@code listener.org.stats}
   * @param settings the organisation's alert settings
   * @param recent the organisation's recent windows
   * @return empty when the window is not judged (a roll-up, not after the last window judged, or empty and before the
   *     organisation's first mention)
   */
  Optional<Judgement> judge(OrgState state, WindowStats stats, AlertSettings settings, RecentWindows recent) {
    if (!stats.size().equals(window)) {
      return Optional.empty();
    }
    if (state != null && !stats.windowStart().isAfter(state.lastWindowStart())) {
      return Optional.empty();
    }
    if (state == null && stats.count() == 0) {
      return Optional.empty();
    }
    String orgId = stats.orgId();
    OrgAlertDetector detector = detector(orgId, state, DetectorSettings.of(settings));
    List<Decision> decisions = detector.observe(new WindowObservation(stats.windowStart(), stats.windowEnd(),
        stats.count(), stats.negative(), stats.meanSentiment()));
    RecentWindow current = RecentWindow.of(stats);
    if (!current.isEmpty()) {
      recent.add(orgId, current);
    }
    List<Alert> alerts = new ArrayList<>(decisions.size());
    Instant horizon = stats.windowStart().minus(citable);
    for (Decision decision : decisions) {
      Instant from = decision.since().isAfter(horizon) ? decision.since() : horizon;
      alerts.add(composer.compose(decision, stats, recent.between(orgId, from, decision.windowStart())));
    }
    return Optional.of(new Judgement(OrgState.of(detector.snapshot(), stats.windowStart()), alerts));
  }

  private static OrgAlertDetector detector(String orgId, OrgState state, DetectorSettings settings) {
    if (state == null) {
      return new OrgAlertDetector(settings);
    }
    try {
      return OrgAlertDetector.restore(state.detector(), settings);
    } catch (IllegalArgumentException e) {
      // Only a state layout this build cannot read gets here; learning afresh beats stopping the organisation's alerts.
      LOG.error("Detector state of organisation {} is unreadable ({}); it starts learning afresh", orgId,
          e.getMessage());
      return new OrgAlertDetector(settings);
    }
  }
}
