package io.nhslistener.ingest.source;

import java.time.Duration;
import java.util.Optional;

/**
 * A source answered with a non-success HTTP status (or closed a WebSocket with an error code). Carries what the
 * source said about when to come back: {@code Retry-After} or its rate-limit reset.
 */
public final class HttpStatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Duration retryAfter;

  /**
   * @param status HTTP status code
   * @param retryAfter how long the source asked us to wait, or null when it did not say
   * @param what which request failed (endpoint path, never a token or a query with personal data)
   */
  public HttpStatusException(int status, Duration retryAfter, String what) {
    super("HTTP " + status + " from " + what + (retryAfter == null ? "" : ", retry after " + retryAfter));
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  /** The wait the source asked for, if it gave one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
