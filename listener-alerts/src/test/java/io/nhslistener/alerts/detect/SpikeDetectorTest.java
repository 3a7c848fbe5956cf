package io.nhslistener.alerts.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

  @Test
  void warmUpNeverAlerts() {
    SpikeDetector detector = new SpikeDetector(1.0);
    for (int i = 0; i < SpikeDetector.WARM_UP; i++) {
      assertFalse(detector.observe(i % 2 == 0 ? 0 : 1e6), "point " + i);
    }
  }

  @Test
  void aLevelNeverSeenAlertsAtOnce() {
    double[] values = noisy(1000, 11);
    values[800] = 100; // the noise stays within ±3

    List<Integer> alerts = alerts(new SpikeDetector(1.0), values);

    assertTrue(alerts.contains(800), alerts.toString());
    assertEquals(SpikeDetector.Signal.RANGE, signalAt(values, 800));
  }

  @Test
  void aRepeatingPatternStopsAlertingOnceLearned() {
    double[] square = new double[6000];
    for (int i = 0; i < square.length; i++) {
      square[i] = (i / 144) % 2 == 0 ? 10 : 90; // half-day square wave at five-minute points
    }

    List<Integer> alerts = alerts(new SpikeDetector(1.0), square);

    assertTrue(alerts.stream().allMatch(i -> i < 1000), "alerts after the pattern was learned: " + alerts);
  }

  @Test
  void snapshotAndRestoreContinueIdentically() {
    double[] values = noisy(5000, 12);
    for (int i = 3000; i < 3200; i++) {
      values[i] += 8; // a level shift to learn across restarts
    }
    boolean[] straight = flags(new SpikeDetector(1.0), values);

    SpikeDetector detector = new SpikeDetector(1.0);
    boolean[] restarted = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      restarted[i] = detector.observe(values[i]);
      if (i % 97 == 0) {
        detector = SpikeDetector.restore(detector.snapshot(), 1.0);
      }
    }

    assertTrue(count(straight) > 0, "the series must raise alerts for the comparison to mean anything");
    assertArrayEquals(straight, restarted);
  }

  @Test
  void rejectsNonFiniteValuesAndBadSensitivity() {
    assertThrows(IllegalArgumentException.class, () -> new SpikeDetector(1.0).observe(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new SpikeDetector(0));
    assertThrows(IllegalArgumentException.class, () -> SpikeDetector.restore(new byte[] {99}, 1.0));
  }

  private static SpikeDetector.Signal signalAt(double[] values, int index) {
    SpikeDetector detector = new SpikeDetector(1.0);
    for (int i = 0; i < index; i++) {
      detector.observe(values[i]);
    }
    detector.observe(values[index]);
    return detector.lastSignal();
  }

  private static double[] noisy(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = 50 + Math.max(-3, Math.min(3, random.nextGaussian()));
    }
    return values;
  }

  private static boolean[] flags(SpikeDetector detector, double[] values) {
    boolean[] flags = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      flags[i] = detector.observe(values[i]);
    }
    return flags;
  }

  private static List<Integer> alerts(SpikeDetector detector, double[] values) {
    boolean[] flags = flags(detector, values);
    List<Integer> alerts = new ArrayList<>();
    for (int i = 0; i < flags.length; i++) {
      if (flags[i]) {
        alerts.add(i);
      }
    }
    return alerts;
  }

  private static int count(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return n;
  }
}
