package io.nhslistener.streams.errors;

import io.nhslistener.core.model.RecordFormatException;

/**
 * Mention topics have no tombstones: a record with a null value is a poison pill like any unreadable one. Throwing
 * here, in the first node that sees the record, lets {@link DeadLetterProcessingHandler} dead-letter it (reason
 * {@code malformed}) with the offset of the topic it came from, instead of it vanishing without a trace.
 */
public final class RequiredValues {
  private RequiredValues() {}

  /**
   * Returns {@code value}.
   *
   * @throws RecordFormatException when it is null
   */
  public static <V> V require(V value, String recordType) {
    if (value == null) {
      throw new RecordFormatException(recordType, "$", null, "is required: a null value (tombstone) has no place on "
          + "this topic");
    }
    return value;
  }
}
