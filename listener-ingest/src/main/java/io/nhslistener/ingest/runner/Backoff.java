package io.nhslistener.ingest.runner;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A growing wait between attempts: linear ({@code initial × attempt}) or exponential ({@code initial × 2^(attempt−1)}),
 * capped at {@code max}, then shortened by up to {@code jitter} (a fraction) so that many clients do not retry in
 * step. Immutable.
 *
 * @param initial wait after the first failure
 * @param max longest wait
 * @param exponential true to double per attempt, false to add {@code initial} per attempt
 * @param jitter fraction in [0, 1) by which a wait may be randomly shortened
 */
public record Backoff(Duration initial, Duration max, boolean exponential, double jitter) {
  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
  }

  public static Backoff exponential(Duration initial, Duration max) {
    return new Backoff(initial, max, true, 0.2);
  }

  public static Backoff linear(Duration initial, Duration max) {
    return new Backoff(initial, max, false, 0.2);
  }

  /**
   * The wait before attempt {@code attempt + 1}.
   *
   * @param attempt consecutive failures so far, from 1
   * @param random source of jitter
   */
  public Duration delay(int attempt, RandomGenerator random) {
    long initialMs = initial.toMillis();
    long maxMs = max.toMillis();
    long ms;
    if (exponential) {
      int doublings = Math.min(Math.max(attempt - 1, 0), 30);
      ms = initialMs > (maxMs >> doublings) ? maxMs : Math.min(maxMs, initialMs << doublings);
    } else {
      ms = Math.min(maxMs, initialMs * Math.max(attempt, 1));
    }
    long shortened = (long) (ms * jitter * random.nextDouble());
    return Duration.ofMillis(ms - shortened);
  }
}
