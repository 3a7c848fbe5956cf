package io.nhslistener.core.serde;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one instant layout records are written in, {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (what {@link Instant#toString()}
 * gives for the years 0000 to 9999), read without the general-purpose formatter, which dominates the cost of reading a
 * record otherwise. Anything else reads as null, for the caller to hand to the full parser.
 */
final class IsoInstants {
  private static final int SHORTEST = "2000-01-01T00:00:00Z".length();
  private static final int LONGEST = "2000-01-01T00:00:00.000000000Z".length();

  private IsoInstants() {}

  /** The instant, or null when {@code text} is not exactly in the layout or not a valid date and time. */
  static Instant parse(String text) {
    int length = text.length();
    if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || text.charAt(4) != '-'
        || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = 0;
    if (length > SHORTEST) {
      if (text.charAt(19) != '.') {
        return null;
      }
      int fraction = digits(text, 20, length - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int scale = length - 1 - 20; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
        || second > 59) {
      return null;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    } catch (DateTimeException e) {
      return null; // 31 February and the like: the full parser gives the error
    }
  }

  /** The decimal number in {@code text[from, to)}, or -1 when a character there is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
