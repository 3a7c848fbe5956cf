package io.nhslistener.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
  private final List<SseEvent> events = new ArrayList<>();
  private final List<Long> retries = new ArrayList<>();
  private final SseParser parser = new SseParser(events::add, retries::add);

  private void feed(String... lines) {
    for (String line : lines) {
      parser.line(line);
    }
  }

  @Test
  void dispatchesTypedEventsOnBlankLines() {
    feed("event: update", "data: {\"id\":\"1\"}", "", "event: delete", "data: 1", "");
    assertEquals(List.of(new SseEvent("update", "{\"id\":\"1\"}", null), new SseEvent("delete", "1", null)), events);
  }

  @Test
  void joinsMultiLineDataWithNewlines() {
    feed("data: first", "data:second", "data:  third", "");
    assertEquals("first\nsecond\n third", events.get(0).data());
    assertEquals("message", events.get(0).type());
  }

  @Test
  void ignoresCommentsAndUnknownFieldsAndEventsWithoutData() {
    feed(":thump", "", "event: update", "", "foo: bar", "data: x", "");
    assertEquals(List.of(new SseEvent("message", "x", null)), events);
  }

  @Test
  void keepsTheLastIdAcrossEventsAndReportsValidRetries() {
    feed("id: 7", "retry: 3000", "data: a", "", "retry: soon", "data: b", "");
    assertEquals("7", events.get(1).id());
    assertEquals(List.of(3000L), retries);
  }

  @Test
  void fieldWithoutColonHasAnEmptyValue() {
    feed("data", "data", "");
    assertEquals("\n", events.get(0).data());
  }

  @Test
  void unterminatedEventAtTheEndIsDiscarded() {
    feed("data: partial");
    parser.end();
    feed("");
    assertEquals(List.of(), events);
  }
}
