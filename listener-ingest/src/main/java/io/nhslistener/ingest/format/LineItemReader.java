package io.nhslistener.ingest.format;

import io.nhslistener.ingest.source.Item;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/** Newline-delimited payloads: every non-blank line is parsed on its own; blank lines (keep-alives) are skipped. */
final class LineItemReader implements ItemReader {
  private final BufferedReader lines;
  private final Function<byte[], Optional<Item>> parser;

  LineItemReader(BufferedReader lines, Function<byte[], Optional<Item>> parser) {
    this.lines = lines;
    this.parser = parser;
  }

  @Override
  public Item next() throws IOException {
    String line;
    while ((line = lines.readLine()) != null) {
      if (!line.isBlank()) {
        Optional<Item> item = parser.apply(line.getBytes(StandardCharsets.UTF_8));
        if (item.isPresent()) {
          return item.get();
        }
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
