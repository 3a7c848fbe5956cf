package io.nhslistener.alerts.detect;

import java.util.SplittableRandom;

/**
 * Rough single-core throughput of {@link SpikeDetector#observe} (a dev tool, not a test; JMH comes with the
 * performance work). Run: {@code java -cp <test-classes>:<classes> io.nhslistener.alerts.detect.SpikeDetectorThroughput}.
 */
public final class SpikeDetectorThroughput {
  private static final int SERIES_LENGTH = 10_000;
  private static final int SERIES = 2_000;

  private SpikeDetectorThroughput() {}

  public static void main(String[] args) {
    double[] values = syntheticSeries();
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      long alerts = 0;
      for (int s = 0; s < SERIES; s++) {
        SpikeDetector detector = new SpikeDetector(1.0);
        for (double v : values) {
          alerts += detector.observe(v) ? 1 : 0;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("round %d: %.2f M points/s (%d alerts)%n", round,
          (double) SERIES * SERIES_LENGTH / seconds / 1e6, alerts);
    }
  }

  /** A daily cycle with noise, a few bursts and a level shift. */
  private static double[] syntheticSeries() {
    SplittableRandom random = new SplittableRandom(42);
    double[] values = new double[SERIES_LENGTH];
    for (int i = 0; i < values.length; i++) {
      double daily = 50 + 30 * Math.sin(2 * Math.PI * i / 288);
      double burst = random.nextInt(2000) == 0 ? 200 : 0;
      double shift = i > 7000 ? 40 : 0;
      values[i] = Math.max(0, daily + shift + burst + 8 * random.nextGaussian());
    }
    return values;
  }
}
