package io.nhslistener.app.broker;

/** The embedded broker could not start: a port in use, an unusable data dir, or a failure inside Kafka. */
public final class BrokerStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BrokerStartException(String message) {
    super(message);
  }

  public BrokerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
