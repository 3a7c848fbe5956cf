package io.nhslistener.ingest.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.core.serde.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reading fields of a source's JSON payload, throwing {@link PayloadException} naming the field when a required one is
 * missing or of the wrong kind.
 */
public final class JsonFields {
  private JsonFields() {}

  /**
   * Parses one JSON document.
   *
   * @throws PayloadException when it is not valid JSON or not an object; the message gives the position, never the
   *     content
   */
  public static JsonNode parseObject(byte[] payload) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(payload);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      throw new PayloadException("not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + " column "
          + at.getColumnNr()), null);
    } catch (IOException e) {
      throw new PayloadException("unreadable JSON", e);
    }
    if (node == null || !node.isObject()) {
      throw new PayloadException("$", node == null ? "" : node.getNodeType().name(), "expected a JSON object");
    }
    return node;
  }

  /** A text field, or null when absent, null or not text. */
  public static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** A non-blank text field (a number is accepted as its decimal digits, as some ids are either). */
  public static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new PayloadException(field, null, "is required");
    }
    if (!value.isTextual() && !value.isIntegralNumber()) {
      throw new PayloadException(field, value.getNodeType().name().toLowerCase(Locale.ROOT),
          "expected text");
    }
    String text = value.asText();
    if (text.isBlank()) {
      throw new PayloadException(field, "", "must not be blank");
    }
    return text;
  }

  /** A required object field. */
  public static JsonNode requiredObject(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      throw new PayloadException(field, value == null ? null : value.getNodeType().name(), "expected an object");
    }
    return value;
  }

  /** A required ISO-8601 instant. */
  public static Instant requiredInstant(JsonNode node, String field) {
    String text = requiredText(node, field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new PayloadException(field, text, "not an ISO-8601 instant");
    }
  }

  /** A non-negative count, or 0 when absent. */
  public static long count(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.canConvertToLong() ? Math.max(0, value.asLong()) : 0;
  }
}
