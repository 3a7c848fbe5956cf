package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily period in which non-critical alerts are held for a digest. The period may wrap midnight (22:00 to 07:00).
 *
 * @param from start, local time
 * @param to end, local time (exclusive)
 * @param zone time zone id, e.g. {@code Europe/London}
 */
public record QuietHours(
    @JsonProperty(required = true) LocalTime from,
    @JsonProperty(required = true) LocalTime to,
    @JsonProperty(required = true) String zone) {

  public QuietHours {
    Fields.required("QuietHours", "from", from);
    Fields.required("QuietHours", "to", to);
    Fields.requiredText("QuietHours", "zone", zone);
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new RecordFormatException("QuietHours", "zone", zone, "is not a time zone id (e.g. Europe/London)");
    }
  }

  /** True when {@code instant} falls inside the quiet period. */
  public boolean contains(Instant instant) {
    LocalTime local = instant.atZone(ZoneId.of(zone)).toLocalTime();
    return from.isBefore(to)
        ? !local.isBefore(from) && local.isBefore(to)
        : !local.isBefore(from) || local.isBefore(to);
  }
}
