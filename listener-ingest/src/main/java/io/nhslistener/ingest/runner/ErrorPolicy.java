package io.nhslistener.ingest.runner;

import io.nhslistener.ingest.source.HttpStatusException;
import java.io.IOException;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The one place that decides whether a failure of a source or of Kafka is worth retrying, and after how long.
 *
 * <ul>
 *   <li>429: after {@code Retry-After} (or the source's rate-limit reset) when given, else the rate-limit back-off.
 *   <li>5xx and 408: the server back-off, or {@code Retry-After} when longer.
 *   <li>Other 4xx (400, 401, 403, 404, 410, …): fatal, a configuration problem that retrying cannot fix.
 *   <li>{@link IOException} (refused, reset, timeout, end of stream): the network back-off.
 *   <li>Kafka: fencing by another instance with the same source id, authentication and authorisation failures and an
 *       unsupported broker are fatal; anything else from Kafka is retried with the network back-off.
 *   <li>Anything else (a bug in a connector): fatal, so that it is reported instead of retried in a loop.
 * </ul>
 */
public final class ErrorPolicy {
  /** What to do about one failure. */
  public record Decision(boolean retry, Duration delay, String reason) {
    static Decision retryAfter(Duration delay, String reason) {
      return new Decision(true, delay, reason);
    }

    static Decision fatal(String reason) {
      return new Decision(false, Duration.ZERO, reason);
    }
  }

  private final BackoffPolicy backoff;
  private final RandomGenerator random;

  public ErrorPolicy(BackoffPolicy backoff, RandomGenerator random) {
    this.backoff = backoff;
    this.random = random;
  }

  /**
   * @param error what went wrong
   * @param attempt consecutive failures including this one, from 1
   * @return retry (with the wait) or give up; {@code reason} is a bounded word usable as a metric label
   */
  public Decision decide(Throwable error, int attempt) {
    if (error instanceof HttpStatusException http) {
      return decideHttp(http, attempt);
    }
    if (error instanceof IOException) {
      return Decision.retryAfter(backoff.network().delay(attempt, random), "network");
    }
    if (error instanceof KafkaException) {
      return isFatalKafka(error)
          ? Decision.fatal("kafka-fatal")
          : Decision.retryAfter(backoff.network().delay(attempt, random), "kafka");
    }
    return Decision.fatal("bug");
  }

  private Decision decideHttp(HttpStatusException http, int attempt) {
    int status = http.status();
    if (status == 429) {
      Duration wait = http.retryAfter().orElseGet(() -> backoff.rateLimited().delay(attempt, random));
      return Decision.retryAfter(wait, "rate-limited");
    }
    if (status >= 500 || status == 408) {
      Duration computed = backoff.server().delay(attempt, random);
      Duration asked = http.retryAfter().orElse(Duration.ZERO);
      return Decision.retryAfter(asked.compareTo(computed) > 0 ? asked : computed, "server-error");
    }
    return Decision.fatal("client-error");
  }

  private static boolean isFatalKafka(Throwable error) {
    return error instanceof ProducerFencedException
        || error instanceof OutOfOrderSequenceException
        || error instanceof AuthenticationException
        || error instanceof AuthorizationException
        || error instanceof UnsupportedVersionException;
  }
}
