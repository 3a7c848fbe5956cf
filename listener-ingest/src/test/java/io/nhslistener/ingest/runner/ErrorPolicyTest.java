package io.nhslistener.ingest.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.ingest.source.HttpStatusException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ErrorPolicyTest {
  /** Jitter off: the random source always gives 0, so waits are the schedule's own figures. */
  private static final RandomGenerator NO_JITTER = () -> 0L;

  private final ErrorPolicy policy = new ErrorPolicy(BackoffPolicy.DEFAULT, NO_JITTER);
  private final ErrorPolicy x = new ErrorPolicy(BackoffPolicy.X_DOCUMENTED, NO_JITTER);

  @Test
  void networkErrorsBackOffExponentiallyToAMinute() {
    assertEquals(Duration.ofSeconds(1), policy.decide(new ConnectException("refused"), 1).delay());
    assertEquals(Duration.ofSeconds(2), policy.decide(new EOFException(), 2).delay());
    assertEquals(Duration.ofSeconds(32), policy.decide(new HttpTimeoutException("slow"), 6).delay());
    assertEquals(Duration.ofMinutes(1), policy.decide(new ConnectException("refused"), 40).delay());
    assertEquals("network", policy.decide(new ConnectException("refused"), 1).reason());
  }

  @Test
  void tooManyRequestsHonoursRetryAfterElseBacksOffFromAMinute() {
    assertEquals(Duration.ofSeconds(90), policy.decide(new HttpStatusException(429, Duration.ofSeconds(90), "/"), 1)
        .delay());
    assertEquals(Duration.ofMinutes(1), policy.decide(new HttpStatusException(429, null, "/"), 1).delay());
    assertEquals(Duration.ofMinutes(2), policy.decide(new HttpStatusException(429, null, "/"), 2).delay());
    assertEquals("rate-limited", policy.decide(new HttpStatusException(429, null, "/"), 1).reason());
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 408})
  void serverErrorsAreRetried(int status) {
    ErrorPolicy.Decision decision = policy.decide(new HttpStatusException(status, null, "/"), 1);
    assertTrue(decision.retry());
    assertEquals(Duration.ofSeconds(5), decision.delay());
  }

  @Test
  void serverErrorWaitsForALongerRetryAfter() {
    assertEquals(Duration.ofSeconds(120),
        policy.decide(new HttpStatusException(503, Duration.ofSeconds(120), "/"), 1).delay());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 410, 422})
  void clientErrorsAreFatal(int status) {
    assertFalse(policy.decide(new HttpStatusException(status, null, "/"), 1).retry());
  }

  @Test
  void kafkaFencingAndAuthorisationAreFatalOtherKafkaErrorsRetried() {
    assertFalse(policy.decide(new ProducerFencedException("fenced"), 1).retry());
    assertFalse(policy.decide(new TopicAuthorizationException("denied"), 1).retry());
    assertTrue(policy.decide(new NotLeaderOrFollowerException("moving"), 1).retry());
    assertEquals("kafka", policy.decide(new NotLeaderOrFollowerException("moving"), 1).reason());
  }

  @Test
  void bugsAreFatal() {
    ErrorPolicy.Decision decision = policy.decide(new NullPointerException(), 1);
    assertFalse(decision.retry());
    assertEquals("bug", decision.reason());
  }

  @Test
  void xBackOffIsWhatXDocuments() {
    assertEquals(Duration.ofMillis(250), x.decide(new ConnectException(), 1).delay());
    assertEquals(Duration.ofMillis(500), x.decide(new ConnectException(), 2).delay());
    assertEquals(Duration.ofSeconds(16), x.decide(new ConnectException(), 100).delay());
    assertEquals(Duration.ofSeconds(5), x.decide(new HttpStatusException(503, null, "/"), 1).delay());
    assertEquals(Duration.ofSeconds(10), x.decide(new HttpStatusException(503, null, "/"), 2).delay());
    assertEquals(Duration.ofSeconds(320), x.decide(new HttpStatusException(503, null, "/"), 9).delay());
    assertEquals(Duration.ofMinutes(1), x.decide(new HttpStatusException(429, null, "/"), 1).delay());
    assertEquals(Duration.ofMinutes(4), x.decide(new HttpStatusException(429, null, "/"), 3).delay());
  }

  @Test
  void jitterOnlyShortensAWaitByUpToAFifth() {
    Backoff backoff = Backoff.exponential(Duration.ofSeconds(10), Duration.ofSeconds(10));
    RandomGenerator almostOne = () -> -1L;
    assertEquals(Duration.ofSeconds(10), backoff.delay(1, NO_JITTER));
    long shortest = backoff.delay(1, almostOne).toMillis();
    assertTrue(shortest >= 8000 && shortest < 8010, "was " + shortest);
  }
}
