package io.nhslistener.core.model;

/**
 * A record that cannot be built or read: names the record type, the field, the offending value and the reason, so that
 * a dead-letter entry or a start-up error tells an operator exactly what to fix.
 */
public final class RecordFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_CHARS = 80;

  private final String recordType;
  private final String field;

  public RecordFormatException(String recordType, String field, Object value, String reason) {
    super(recordType + "." + field + " = " + describe(value) + ": " + reason);
    this.recordType = recordType;
    this.field = field;
  }

  public RecordFormatException(String recordType, String field, String message, Throwable cause) {
    super(recordType + "." + field + ": " + message, cause);
    this.recordType = recordType;
    this.field = field;
  }

  /** The record type, e.g. {@code Mention}. */
  public String recordType() {
    return recordType;
  }

  /** The JSON path of the field at fault, e.g. {@code createdAt} or {@code mention.id}. */
  public String field() {
    return field;
  }

  /** Renders a value for an error message, quoted and cut short so that a 1 MB text cannot flood a log line. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value);
    String shown = text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "…" : text;
    return value instanceof CharSequence ? '"' + shown + '"' : shown;
  }
}
