package io.nhslistener.ingest.runner;

import java.time.Duration;

/**
 * The back-off of one source type, by failure class.
 *
 * @param network connection refused or reset, timeouts, an unexpected end of stream, Kafka being unavailable
 * @param server HTTP 5xx (and 408)
 * @param rateLimited HTTP 429 without a {@code Retry-After}
 */
public record BackoffPolicy(Backoff network, Backoff server, Backoff rateLimited) {

  /** For sources that document nothing stricter. */
  public static final BackoffPolicy DEFAULT = new BackoffPolicy(
      Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(1)),
      Backoff.exponential(Duration.ofSeconds(5), Duration.ofMinutes(5)),
      Backoff.exponential(Duration.ofMinutes(1), Duration.ofMinutes(15)));

  /**
   * What the X API v2 filtered stream documentation asks for: network errors back off linearly from 250 ms up to 16 s,
   * HTTP errors exponentially from 5 s up to 320 s, and 429 exponentially from one minute.
   */
  public static final BackoffPolicy X_DOCUMENTED = new BackoffPolicy(
      Backoff.linear(Duration.ofMillis(250), Duration.ofSeconds(16)),
      Backoff.exponential(Duration.ofSeconds(5), Duration.ofSeconds(320)),
      Backoff.exponential(Duration.ofMinutes(1), Duration.ofMinutes(16)));
}
