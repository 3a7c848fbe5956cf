package io.nhslistener.core.model;

import java.util.List;
import java.util.Map;

/** Validation helpers shared by the records' compact constructors. */
final class Fields {
  private Fields() {}

  static <T> T required(String recordType, String field, T value) {
    if (value == null) {
      throw new RecordFormatException(recordType, field, null, "is required");
    }
    return value;
  }

  static String requiredText(String recordType, String field, String value) {
    required(recordType, field, value);
    if (value.isBlank()) {
      throw new RecordFormatException(recordType, field, value, "must not be blank");
    }
    return value;
  }

  static long nonNegative(String recordType, String field, long value) {
    if (value < 0) {
      throw new RecordFormatException(recordType, field, value, "must not be negative");
    }
    return value;
  }

  static void schemaVersion(String recordType, int v) {
    if (v != SchemaVersion.CURRENT) {
      throw new RecordFormatException(recordType, "v", v, "unsupported schema version; this build reads v" + SchemaVersion.CURRENT);
    }
  }

  /** Null-safe immutable copy: an absent list is an empty list. */
  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static <K, V> Map<K, V> map(Map<K, V> values) {
    return values == null ? Map.of() : Map.copyOf(values);
  }
}
