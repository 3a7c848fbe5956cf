package io.nhslistener.core.topic;

/** The broker could not be reached or refused to create a topic. */
public final class TopicAdminException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TopicAdminException(String message, Throwable cause) {
    super(message, cause);
  }
}
