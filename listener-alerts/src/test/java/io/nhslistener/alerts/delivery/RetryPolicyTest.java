package io.nhslistener.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant FIRST = Instant.parse("2026-06-02T14:00:00Z");

  /** A generator always at the low or high end of the jitter range. */
  private static RandomGenerator fixed(boolean high) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public long nextLong(long bound) {
        return high ? bound - 1 : 0;
      }
    };
  }

  @Test
  void backoffDoublesUpToTheMaximum() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(1),
        fixed(false));
    assertEquals(Duration.ofSeconds(1), policy.backoff(1));
    assertEquals(Duration.ofSeconds(2), policy.backoff(2));
    assertEquals(Duration.ofSeconds(8), policy.backoff(4));
    assertEquals(Duration.ofSeconds(10), policy.backoff(5));
    assertEquals(Duration.ofSeconds(10), policy.backoff(60));
  }

  @Test
  void jitterKeepsTheWaitBetweenHalfAndAllOfTheBackoff() {
    Duration backoff = Duration.ofSeconds(8);
    RetryPolicy low = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), fixed(false));
    RetryPolicy high = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), fixed(true));
    assertEquals(Optional.of(FIRST.plus(backoff.dividedBy(2))), low.next(FIRST, 4, FIRST, Optional.empty()));
    assertEquals(Optional.of(FIRST.plus(backoff)), high.next(FIRST, 4, FIRST, Optional.empty()));
  }

  @Test
  void aRetryAfterLongerThanTheBackoffIsHonoured() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1),
        fixed(true));
    assertEquals(Optional.of(FIRST.plusSeconds(120)), policy.next(FIRST, 1, FIRST, Optional.of(Duration.ofMinutes(2))));
    assertEquals(Optional.of(FIRST.plusSeconds(1)), policy.next(FIRST, 1, FIRST, Optional.of(Duration.ZERO)));
  }

  @Test
  void givesUpOnceTheNextAttemptWouldPassTheMaximumAge() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30),
        fixed(true));
    assertEquals(Optional.of(FIRST.plusSeconds(30)), policy.next(FIRST, 3, FIRST.plusSeconds(20), Optional.empty()));
    assertTrue(policy.next(FIRST, 4, FIRST.plusSeconds(21), Optional.empty()).isEmpty());
    RetryPolicy never = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, fixed(false));
    assertTrue(never.next(FIRST, 1, FIRST, Optional.empty()).isEmpty(), "a zero maximum age means one attempt");
  }
}
