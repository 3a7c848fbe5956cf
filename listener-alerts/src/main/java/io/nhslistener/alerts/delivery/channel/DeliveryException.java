package io.nhslistener.alerts.delivery.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * A channel did not accept a message. Says whether trying again later can help, and how long the receiver asked us
 * to wait. The message never contains a credential (webhook URLs of Slack and Teams are credentials).
 */
public final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean retriable;
  private final transient Duration retryAfter;

  DeliveryException(String message, boolean retriable, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
    this.retryAfter = retryAfter;
  }

  /** A failure that may pass: the receiver is down, slow, overloaded or unreachable. */
  public static DeliveryException retriable(String message, Duration retryAfter, Throwable cause) {
    return new DeliveryException(message, true, retryAfter, cause);
  }

  /** A failure that retrying cannot fix: the receiver rejected the request or the credentials. */
  public static DeliveryException permanent(String message, Throwable cause) {
    return new DeliveryException(message, false, null, cause);
  }

  public boolean isRetriable() {
    return retriable;
  }

  /** The wait the receiver asked for (HTTP {@code Retry-After}), if it asked. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
