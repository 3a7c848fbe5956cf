package io.nhslistener.ingest.http;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The server-sent events wire format of the HTML Living Standard, fed line by line: {@code event:}, {@code data:}
 * (several lines joined with {@code \n}), {@code id:}, {@code retry:}, comment lines starting with {@code :}
 * (keep-alives) and a blank line dispatching the event. A field without a colon is a field with an empty value; one
 * leading space after the colon is dropped; unknown fields are ignored; an event with no data is not dispatched.
 * Not thread-safe: one parser per stream.
 */
public final class SseParser {
  private final Consumer<SseEvent> events;
  private final LongConsumer retry;
  private final StringBuilder data = new StringBuilder();
  private String type;
  private String lastId;
  private boolean hasData;

  /**
   * @param events receives each dispatched event
   * @param retry receives each valid {@code retry:} value in milliseconds
   */
  public SseParser(Consumer<SseEvent> events, LongConsumer retry) {
    this.events = events;
    this.retry = retry;
  }

  /** One line without its terminator ({@code \n}, {@code \r\n} or {@code \r}). */
  public void line(String line) {
    if (line.isEmpty()) {
      dispatch();
      return;
    }
    if (line.charAt(0) == ':') {
      return;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1 < line.length() && line.charAt(colon + 1) == ' '
        ? colon + 2 : colon + 1);
    switch (field) {
      case "event" -> type = value;
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastId = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9') && value.length() < 18) {
          retry.accept(Long.parseLong(value));
        }
      }
      default -> { /* unknown fields are ignored by the specification */ }
    }
  }

  /** The stream ended: an event not terminated by a blank line is discarded, per the specification. */
  public void end() {
    reset();
  }

  private void dispatch() {
    if (hasData) {
      events.accept(new SseEvent(type == null || type.isEmpty() ? "message" : type, data.toString(), lastId));
    }
    reset();
  }

  private void reset() {
    data.setLength(0);
    hasData = false;
    type = null;
  }
}
