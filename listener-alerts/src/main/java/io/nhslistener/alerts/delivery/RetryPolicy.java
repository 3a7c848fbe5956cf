package io.nhslistener.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter, bounded by a maximum age: after the {@code n}th failure the next attempt waits
 * {@code d/2 + random(0, d/2)} where {@code d = min(maxBackoff, initialBackoff * 2^(n-1))}, or longer if the receiver
 * asked for it ({@code Retry-After}); once the next attempt would fall more than {@code maxAge} after the first, the
 * delivery is given up (and dead-lettered). The jitter spreads retries of many alerts so that a receiver coming back
 * is not hit by all of them at once.
 */
final class RetryPolicy {
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxAge;
  private final RandomGenerator random;

  RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxAge, RandomGenerator random) {
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff.compareTo(initialBackoff) < 0 ? initialBackoff : maxBackoff;
    this.maxAge = maxAge;
    this.random = random;
  }

  /**
   * When to try again after {@code failures} failed attempts, or empty to give up.
   *
   * @param firstAttempt when the first attempt was made
   * @param failures failed attempts so far, at least 1
   * @param now the time of the last failure
   * @param retryAfter the wait the receiver asked for, if any
   */
  Optional<Instant> next(Instant firstAttempt, int failures, Instant now, Optional<Duration> retryAfter) {
    Duration backoff = backoff(failures);
    long half = backoff.toMillis() / 2;
    Duration wait = Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
      wait = retryAfter.get();
    }
    Instant next = now.plus(wait);
    return Duration.between(firstAttempt, next).compareTo(maxAge) > 0 ? Optional.empty() : Optional.of(next);
  }

  /** The backoff before jitter after {@code failures} failures. */
  Duration backoff(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 40);
    Duration backoff = initialBackoff.multipliedBy(1L << Math.min(doublings, 20));
    return backoff.compareTo(maxBackoff) > 0 || doublings > 20 ? maxBackoff : backoff;
  }
}
