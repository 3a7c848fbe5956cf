package io.nhslistener.ingest.text;

/**
 * A source payload that is not a valid post: names the field, the offending value (cut short) and why. Never carries
 * post text or an author handle, because its message becomes a dead-letter reason.
 */
public final class PayloadException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_CHARS = 60;

  public PayloadException(String field, String value, String reason) {
    super(field + " = " + show(value) + ": " + reason);
  }

  public PayloadException(String message, Throwable cause) {
    super(message, cause);
  }

  private static String show(String value) {
    if (value == null) {
      return "null";
    }
    return '"' + (value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "…" : value) + '"';
  }
}
