package io.nhslistener.ingest.http;

import io.nhslistener.ingest.source.HttpStatusException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Status checks and the waits sources ask for in their headers. */
public final class HttpResponses {
  private HttpResponses() {}

  /**
   * Throws {@link HttpStatusException} unless the status is 2xx (or 304, which conditional requests expect), with
   * {@code Retry-After} read as seconds or an HTTP date.
   *
   * @param what the endpoint, for the message (no query string: it may hold keywords or tokens)
   */
  public static <T> HttpResponse<T> requireSuccess(HttpResponse<T> response, String what, Clock clock) {
    int status = response.statusCode();
    if ((status >= 200 && status < 300) || status == 304) {
      return response;
    }
    throw new HttpStatusException(status, retryAfter(response.headers(), clock).orElse(null), what);
  }

  /** {@code Retry-After} as a wait from now: delta-seconds or an HTTP date; empty when absent or unreadable. */
  public static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get();
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 10) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A header holding a number of seconds (Reddit's {@code X-Ratelimit-Reset}), or empty. */
  public static Optional<Double> number(HttpHeaders headers, String name) {
    try {
      return headers.firstValue(name).map(String::trim).map(Double::parseDouble);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
