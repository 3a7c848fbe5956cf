package io.nhslistener.alerts.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgAlertDetectorTest {
  private static final int HISTORY = 400; // past the 150-window warm-up and the sentiment baseline's minimum

  @Test
  void steadySeriesRaisesNothing() {
    List<WindowObservation> windows = new WindowSeries(1).poisson(2016, 40, 0.2).windows(); // one week

    assertEquals(List.of(), run(DetectorSettings.DEFAULTS, windows));
  }

  @Test
  void stepUpRaisesVolumeAlertInItsFirstWindow() {
    List<WindowObservation> windows = new WindowSeries(2).poisson(HISTORY, 40, 0.2).poisson(50, 100, 0.2).windows();

    List<Decision> alerts = alerts(run(DetectorSettings.DEFAULTS, windows), AlertKind.VOLUME_SPIKE);

    assertEquals(HISTORY, WindowSeries.indexOf(alerts.get(0).windowStart()));
    assertEquals(AlertStatus.FIRING, alerts.get(0).status());
    assertEquals(windows.get(HISTORY).windowStart(), alerts.get(0).since());
  }

  @Test
  void suddenBurstRaisesVolumeAlertInItsWindowWithExplanation() {
    List<WindowObservation> windows = new WindowSeries(3).poisson(HISTORY, 40, 0.2).add(200, 0.2)
        .poisson(20, 40, 0.2).windows();

    List<Decision> alerts = alerts(run(DetectorSettings.DEFAULTS, windows), AlertKind.VOLUME_SPIKE);

    assertEquals(1, alerts.size());
    Decision burst = alerts.get(0);
    assertEquals(HISTORY, WindowSeries.indexOf(burst.windowStart()));
    assertEquals(Measure.MENTIONS, burst.evaluation().measure());
    assertEquals(200.0, burst.evaluation().observed());
    assertTrue(burst.evaluation().expected() > 30 && burst.evaluation().expected() < 50,
        "expected near 40: " + burst.evaluation());
    assertTrue(burst.evaluation().probability() < 1e-10, "a burst of 5x is very unlikely: " + burst.evaluation());
  }

  @Test
  void sparseSeriesWithOneBurstOfFifteenRaisesExactlyOneAlert() {
    List<WindowObservation> windows = new WindowSeries(4).uniform(HISTORY, 3, 0.2).add(15, 0.2)
        .uniform(200, 3, 0.2).windows();

    List<Decision> alerts = alerts(run(DetectorSettings.DEFAULTS, windows), AlertKind.VOLUME_SPIKE);

    assertEquals(1, alerts.size(), alerts.toString());
    assertEquals(HISTORY, WindowSeries.indexOf(alerts.get(0).windowStart()));
  }

  @Test
  void negativityShiftWithVolumeRaisesSentimentAlert() {
    List<WindowObservation> windows = new WindowSeries(5).poisson(HISTORY, 40, 0.2).poisson(5, 40, 0.6).windows();

    List<Decision> alerts = alerts(run(DetectorSettings.DEFAULTS, windows), AlertKind.SENTIMENT_DROP);

    assertEquals(HISTORY, WindowSeries.indexOf(alerts.get(0).windowStart()));
    assertTrue(alerts.get(0).evaluation().observed() > alerts.get(0).evaluation().expected()
        || alerts.get(0).evaluation().measure() == Measure.MEAN_SENTIMENT, alerts.get(0).toString());
  }

  @Test
  void negativityShiftWithoutVolumeRaisesNothing() {
    List<WindowObservation> windows = new WindowSeries(6).uniform(HISTORY, 3, 0.2).uniform(5, 3, 0.9).windows();

    assertEquals(List.of(), alerts(run(DetectorSettings.DEFAULTS, windows), AlertKind.SENTIMENT_DROP));
  }

  @Test
  void coolDownHoldsAndLapses() {
    // bursts at +0 and +50 min fall within the hour's cool-down; the one at +150 min does not
    List<WindowObservation> windows = new WindowSeries(7).poisson(HISTORY, 40, 0.2)
        .add(200, 0.2).poisson(9, 40, 0.2)
        .add(200, 0.2).poisson(19, 40, 0.2)
        .add(200, 0.2).poisson(10, 40, 0.2).windows();

    List<Integer> firing = alerts(run(DetectorSettings.DEFAULTS, windows), AlertKind.VOLUME_SPIKE).stream()
        .map(d -> WindowSeries.indexOf(d.windowStart())).toList();

    assertEquals(List.of(HISTORY, HISTORY + 30), firing);
  }

  @Test
  void escalationReAlertsWithinAnEpisode() {
    List<WindowObservation> windows = new WindowSeries(8).poisson(HISTORY, 40, 0.2).add(70, 0.2).add(400, 0.2)
        .windows();
    List<Decision> alerts = alerts(run(DetectorSettings.DEFAULTS, windows), AlertKind.VOLUME_SPIKE);

    assertEquals(List.of(AlertStatus.FIRING, AlertStatus.ESCALATED), alerts.stream().map(Decision::status).toList(),
        alerts.toString());
    assertTrue(alerts.get(1).severity().compareTo(alerts.get(0).severity()) > 0);
    assertEquals(alerts.get(0).since(), alerts.get(1).since());
  }

  @Test
  void sameInputYieldsSameDecisions() {
    List<WindowObservation> windows = incidentScenario();

    List<Decision> first = run(DetectorSettings.DEFAULTS, windows);

    assertTrue(first.size() >= 2, "the scenario must raise alerts: " + first);
    assertEquals(first, run(DetectorSettings.DEFAULTS, windows));
  }

  @Test
  void restoringASnapshotMidSeriesContinuesIdentically() {
    List<WindowObservation> windows = incidentScenario();
    List<Decision> straight = run(DetectorSettings.DEFAULTS, windows);

    List<Decision> restarted = new ArrayList<>();
    OrgAlertDetector detector = new OrgAlertDetector(DetectorSettings.DEFAULTS);
    for (WindowObservation window : windows) {
      restarted.addAll(detector.observe(window));
      detector = OrgAlertDetector.restore(detector.snapshot(), DetectorSettings.DEFAULTS); // a restart every window
    }

    assertEquals(straight, restarted);
  }

  @Test
  void snapshotIsCompact() {
    OrgAlertDetector detector = new OrgAlertDetector(DetectorSettings.DEFAULTS);
    incidentScenario().forEach(detector::observe);

    assertTrue(detector.snapshot().length < 8_000, "snapshot of " + detector.snapshot().length + " bytes");
  }

  @Test
  void lowerSensitivityIgnoresAModestBurst() {
    List<WindowObservation> windows = new WindowSeries(9).poisson(HISTORY, 40, 0.2).add(75, 0.2).windows();
    DetectorSettings dull = new DetectorSettings(0.25, 5, Duration.ofHours(1), DetectorSettings.DEFAULT_ZONE);

    assertEquals(1, alerts(run(DetectorSettings.DEFAULTS, windows), AlertKind.VOLUME_SPIKE).size());
    assertEquals(0, alerts(run(dull, windows), AlertKind.VOLUME_SPIKE).size());
  }

  /** A quiet period, a burst that turns negative, and the way back. */
  private static List<WindowObservation> incidentScenario() {
    return new WindowSeries(10).poisson(HISTORY, 30, 0.2).add(120, 0.5).poisson(6, 90, 0.6).poisson(100, 30, 0.2)
        .windows();
  }

  private static List<Decision> run(DetectorSettings settings, List<WindowObservation> windows) {
    OrgAlertDetector detector = new OrgAlertDetector(settings);
    List<Decision> decisions = new ArrayList<>();
    windows.forEach(w -> decisions.addAll(detector.observe(w)));
    return decisions;
  }

  /** FIRING and ESCALATED decisions of one kind: the ones that reach people. */
  private static List<Decision> alerts(List<Decision> decisions, AlertKind kind) {
    return decisions.stream().filter(d -> d.kind() == kind && d.status() != AlertStatus.RESOLVED).toList();
  }
}
