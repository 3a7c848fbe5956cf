package io.nhslistener.streams.sentiment.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
  @Test
  void handlesQuotesCommasAndLineBreaksInsideFields() {
    List<List<String>> rows = CsvRows.parse("a,b\r\n\"x, \"\"y\"\"\",\"line\nbreak\"\nlast,\n");
    assertEquals(List.of(List.of("a", "b"), List.of("x, \"y\"", "line\nbreak"), List.of("last", "")), rows);
  }
}
