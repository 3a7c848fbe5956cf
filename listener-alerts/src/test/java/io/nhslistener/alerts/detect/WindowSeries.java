package io.nhslistener.alerts.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds deterministic series of five-minute windows for detector tests. */
final class WindowSeries {
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  static final Duration WINDOW = Duration.ofMinutes(5);

  private final SplittableRandom random;
  private final List<WindowObservation> windows = new ArrayList<>();

  WindowSeries(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Appends {@code n} windows with Poisson counts of the given mean and the given negative share. */
  WindowSeries poisson(int n, double mean, double negativeShare) {
    for (int i = 0; i < n; i++) {
      add(poissonSample(mean), negativeShare);
    }
    return this;
  }

  /** Appends {@code n} windows with counts uniform in 0..max. */
  WindowSeries uniform(int n, int max, double negativeShare) {
    for (int i = 0; i < n; i++) {
      add(random.nextInt(max + 1), negativeShare);
    }
    return this;
  }

  /** Appends one window of exactly {@code count} mentions. */
  WindowSeries add(long count, double negativeShare) {
    long negative = 0;
    for (long m = 0; m < count; m++) {
      negative += random.nextDouble() < negativeShare ? 1 : 0;
    }
    // negatives score -0.6, the rest +0.3, so the mean falls as the negative share rises
    double mean = count == 0 ? 0.0 : (-0.6 * negative + 0.3 * (count - negative)) / count;
    Instant start = START.plus(WINDOW.multipliedBy(windows.size()));
    windows.add(new WindowObservation(start, start.plus(WINDOW), count, negative, mean));
    return this;
  }

  List<WindowObservation> windows() {
    return List.copyOf(windows);
  }

  /** Index of the window starting at {@code start}. */
  static int indexOf(Instant start) {
    return (int) (Duration.between(START, start).toMillis() / WINDOW.toMillis());
  }

  private long poissonSample(double mean) {
    // Knuth's method, fine for the small means used in tests; normal approximation above
    if (mean > 60) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }
}
