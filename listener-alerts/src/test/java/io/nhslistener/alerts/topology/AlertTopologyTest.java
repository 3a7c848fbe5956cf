package io.nhslistener.alerts.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.alerts.detect.SpikeDetector;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.TermCount;
import io.nhslistener.core.model.WindowStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, acceptance 4, at topology level: one-minute {@link WindowStats} with hand-chosen counts go in on
 * {@code listener.org.stats}, alerts come out on {@code listener.alerts}. Every series starts with {@value #HISTORY}
 * windows of history, past the detector's {@value SpikeDetector#WARM_UP}-window warm-up and the sentiment baseline's
 * minimum, so the event under test is always window {@value #HISTORY}.
 */
class AlertTopologyTest {
  static final int HISTORY = 300;
  static final String ORG = "trust-a";

  @TempDir Path stateDir;

  @Test
  void historyOutlastsTheWarmUp() {
    assertTrue(HISTORY > SpikeDetector.WARM_UP);
  }

  @Test
  void steadySeriesRaisesNothing() {
    List<WindowStats> day = new StatsSeries(ORG, 1).poisson(1440, 40, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(day);

      assertEquals(List.of(), f.alerts());
      assertEquals(day.get(day.size() - 1).windowStart(), f.stateStore().get(ORG).lastWindowStart(),
          "every window was judged");
    }
  }

  @Test
  void stepUpRaisesVolumeAlertInItsFirstWindow() {
    List<WindowStats> series = new StatsSeries(ORG, 2).poisson(HISTORY, 40, 0.2).poisson(30, 100, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(series);

      Alert first = raised(f.alerts()).get(0);
      assertEquals(Alert.idFor(ORG, AlertKind.VOLUME_SPIKE, StatsSeries.start(HISTORY), AlertStatus.FIRING),
          first.id());
      assertEquals(AlertStatus.FIRING, first.status());
      assertEquals(StatsSeries.start(HISTORY), first.since());
      assertEquals(StatsSeries.start(HISTORY + 1), first.windowEnd());
      assertEquals(series.get(HISTORY).count(), first.observed());
    }
  }

  @Test
  void suddenBurstRaisesOneVolumeAlertThatExplainsAndCitesItsWindow() {
    List<WindowStats> series = new StatsSeries(ORG, 3).poisson(HISTORY, 40, 0.2).add(200, 0.2, "closure")
        .poisson(20, 40, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(series);

      List<Alert> raised = raised(f.alerts());
      assertEquals(1, raised.size(), raised.toString());
      Alert burst = raised.get(0);
      assertEquals(AlertKind.VOLUME_SPIKE, burst.kind());
      assertEquals(StatsSeries.start(HISTORY), burst.windowStart());
      assertEquals(200.0, burst.observed());
      assertTrue(burst.expected() > 30 && burst.expected() < 50, "expected near 40: " + burst.expected());
      assertTrue(burst.score() >= 10, "a fivefold burst is beyond one in 10^10: " + burst.score());
      assertEquals(Severity.CRITICAL, burst.severity());
      assertTrue(burst.explanation().startsWith("200 mentions in 1 minute against about "), burst.explanation());
      assertTrue(burst.explanation().endsWith(" under the usual pattern"), burst.explanation());
      assertEquals(List.of(new TermCount("closure", 200)), burst.topTerms());
      assertEquals(List.of(ORG + ":" + HISTORY), burst.samples().stream().map(s -> s.id()).toList());
      assertEquals(1.0, f.counter(DetectionMeters.DETECTED, "organisation", ORG, "kind", "volume_spike",
          "severity", "critical", "status", "firing"));
    }
  }

  @Test
  void resolvedAlertCitesEveryWindowOfTheEpisode() {
    List<WindowStats> series = new StatsSeries(ORG, 3).poisson(HISTORY, 40, 0.2).add(200, 0.2, "closure")
        .poisson(20, 40, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(series);

      List<Alert> resolved = f.alerts().stream().filter(a -> a.status() == AlertStatus.RESOLVED).toList();
      assertEquals(1, resolved.size(), f.alerts().toString());
      Alert end = resolved.get(0);
      assertEquals(StatsSeries.start(HISTORY), end.since());
      int last = StatsSeries.indexOf(end.windowStart());
      long usual = 0;
      for (int i = HISTORY + 1; i <= last; i++) {
        usual += series.get(i).count();
      }
      assertEquals(List.of(new TermCount("closure", 200), new TermCount("usual", usual)), end.topTerms());
      assertEquals(ORG + ":" + HISTORY, end.samples().get(0).id(), "the most engaged sample first");
      assertEquals(Math.min(5, last - HISTORY + 1), end.samples().size());
    }
  }

  @Test
  void sparseSeriesWithOneBurstOfFifteenRaisesExactlyOneAlert() {
    List<WindowStats> series = new StatsSeries(ORG, 4).uniform(HISTORY, 3, 0.2).add(15, 0.2, "usual")
        .uniform(200, 3, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(series);

      List<Alert> raised = raised(f.alerts());
      assertEquals(1, raised.size(), raised.toString());
      assertEquals(AlertKind.VOLUME_SPIKE, raised.get(0).kind());
      assertEquals(StatsSeries.start(HISTORY), raised.get(0).windowStart());
    }
  }

  @Test
  void negativityShiftWithVolumeRaisesSentimentAlert() {
    List<WindowStats> series = new StatsSeries(ORG, 5).poisson(HISTORY, 40, 0.2).poisson(5, 40, 0.6)
        .poisson(10, 40, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(series);

      List<Alert> sentiment = raised(f.alerts(), AlertKind.SENTIMENT_DROP);
      assertEquals(1, sentiment.size(), f.alerts().toString());
      Alert drop = sentiment.get(0);
      assertEquals(StatsSeries.start(HISTORY), drop.windowStart());
      // The detector reports whichever of negative share and mean sentiment moved further; both say the same here.
      WindowStats shifted = series.get(HISTORY);
      String share = Math.round(100.0 * shifted.negative() / shifted.count()) + "% of " + shifted.count()
          + " mentions negative in 1 minute against a usual ";
      String mean = String.format(Locale.UK, "Mean sentiment %+.2f across %d mentions in 1 minute against a usual ",
          shifted.meanSentiment(), shifted.count());
      if (drop.explanation().startsWith(share)) {
        assertTrue(drop.explanation().matches(".* a usual (19|20|21)%; this is .*"), drop.explanation());
        assertEquals((double) shifted.negative() / shifted.count(), drop.observed(), 1e-9);
        assertTrue(drop.observed() > drop.expected(), "the negative share rose: " + drop);
      } else {
        assertTrue(drop.explanation().startsWith(mean), drop.explanation() + " should start " + share + " or " + mean);
        assertTrue(drop.explanation().matches(".* a usual \\+0\\.1[0-3]; this is .*"), drop.explanation());
        assertEquals(shifted.meanSentiment(), drop.observed(), 1e-9);
        assertTrue(drop.observed() < drop.expected(), "the mean sentiment fell: " + drop);
      }
      assertEquals(List.of(), raised(f.alerts(), AlertKind.VOLUME_SPIKE), "the volume did not change");
    }
  }

  @Test
  void negativityShiftWithoutVolumeRaisesNothing() {
    List<WindowStats> series = new StatsSeries(ORG, 6).uniform(HISTORY, 3, 0.2).uniform(5, 3, 0.9)
        .uniform(10, 3, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(series);

      assertEquals(List.of(), f.alerts());
    }
  }

  @Test
  void coolDownHoldsWithinTheHourAndLapsesAfter() {
    // bursts at +0 and +30 minutes fall within the hour's cool-down; the one at +100 minutes does not
    List<WindowStats> series = new StatsSeries(ORG, 7).poisson(HISTORY, 40, 0.2)
        .add(200, 0.2, "a").poisson(29, 40, 0.2)
        .add(200, 0.2, "b").poisson(69, 40, 0.2)
        .add(200, 0.2, "c").poisson(10, 40, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(series);

      assertEquals(List.of(HISTORY, HISTORY + 100), starts(raised(f.alerts())));
    }
  }

  @Test
  void lowerSensitivityFromTheWatchIgnoresAModestBurst() {
    List<WindowStats> series = new StatsSeries(ORG, 8).poisson(HISTORY, 40, 0.2).add(75, 0.2, "usual")
        .poisson(10, 40, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(series);
      assertEquals(List.of(HISTORY), starts(raised(f.alerts())), "alerts with the default settings");
    }
    try (DetectionFixture f = new DetectionFixture(stateDir.resolve("dull"))) {
      f.watch(ORG, new AlertSettings(0.25, 5, null, false));
      f.pipe(series);
      assertEquals(List.of(), f.alerts());
    }
  }

  @Test
  void higherSensitivityFromTheWatchCatchesASmallBurstAndATombstoneRestoresTheDefaults() {
    List<WindowStats> series = new StatsSeries(ORG, 2).poisson(HISTORY, 40, 0.2).add(60, 0.2, "usual")
        .poisson(10, 40, 0.2).add(60, 0.2, "usual").poisson(10, 40, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(series);
      assertEquals(List.of(), f.alerts(), "60 against about 40 is no alert by default");
    }
    try (DetectionFixture f = new DetectionFixture(stateDir.resolve("keen"))) {
      f.watch(ORG, new AlertSettings(2, 5, null, false));
      f.pipe(series.subList(0, HISTORY + 11));
      assertEquals(List.of(HISTORY), starts(raised(f.alerts())));

      f.unwatch(ORG);
      f.pipe(series.subList(HISTORY + 11, series.size()));
      assertEquals(List.of(HISTORY), starts(raised(f.alerts())), "back to the defaults: the second 60 is ignored");
    }
  }

  @Test
  void minimumVolumeFromTheWatchHoldsBackABurstBelowIt() {
    List<WindowStats> series = new StatsSeries(ORG, 3).poisson(HISTORY, 40, 0.2).add(200, 0.2, "usual")
        .poisson(10, 40, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.watch(ORG, new AlertSettings(1, 201, null, false));
      f.pipe(series);

      assertEquals(List.of(), f.alerts());
    }
  }

  @Test
  void organisationsAreJudgedApartWithTheirOwnSettings() {
    List<WindowStats> a = new StatsSeries(ORG, 8).poisson(HISTORY, 40, 0.2).add(75, 0.2, "usual").windows();
    List<WindowStats> b = new StatsSeries("trust-b", 8).poisson(HISTORY, 40, 0.2).add(75, 0.2, "usual").windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.watch("trust-b", new AlertSettings(0.25, 5, null, false));
      for (int i = 0; i < a.size(); i++) {
        f.pipe(a.get(i));
        f.pipe(b.get(i));
      }

      assertEquals(List.of(ORG), raised(f.alerts()).stream().map(Alert::orgId).toList());
    }
  }

  /** FIRING and ESCALATED records: the ones that reach people. */
  static List<Alert> raised(List<Alert> alerts) {
    return alerts.stream().filter(a -> a.status() != AlertStatus.RESOLVED).toList();
  }

  static List<Alert> raised(List<Alert> alerts, AlertKind kind) {
    return raised(alerts).stream().filter(a -> a.kind() == kind).toList();
  }

  static List<Integer> starts(List<Alert> alerts) {
    return alerts.stream().map(a -> StatsSeries.indexOf(a.windowStart())).toList();
  }
}
