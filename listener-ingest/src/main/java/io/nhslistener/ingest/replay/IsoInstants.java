package io.nhslistener.ingest.replay;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses the UTC instants the listener writes ({@code 2026-03-01T09:00:00Z}, with an optional fraction of up to nine
 * digits) without the general formatter, which dominates the cost of reading a mention; any other form goes to
 * {@link Instant#parse}, so the result is always what {@code Instant.parse} would give.
 */
final class IsoInstants {
  private IsoInstants() {}

  static Instant parse(String text) {
    int n = text.length();
    if (n < 20 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
        || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int nanos = 0;
    if (n > 20) {
      int fractionDigits = n - 21;
      if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return Instant.parse(text);
      }
      nanos = digits(text, 20, fractionDigits);
      for (int k = fractionDigits; k < 9; k++) {
        nanos *= 10;
      }
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || nanos < 0
        || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return Instant.parse(text);
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The value of {@code count} ASCII digits at {@code from}, or −1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int k = from; k < from + count; k++) {
      char c = text.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
