package io.nhslistener.ingest.format;

import io.nhslistener.ingest.http.SseEvent;
import io.nhslistener.ingest.http.SseParser;
import io.nhslistener.ingest.mastodon.MastodonEvents;
import io.nhslistener.ingest.source.Item;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;

/** A captured Mastodon streaming response: server-sent events, of which status and delete events give items. */
final class SseItemReader implements ItemReader {
  private final BufferedReader lines;
  private final MastodonEvents events;
  private final Queue<SseEvent> ready = new ArrayDeque<>();
  private final SseParser parser = new SseParser(ready::add, retryMs -> { });

  SseItemReader(BufferedReader lines, MastodonEvents events) {
    this.lines = lines;
    this.events = events;
  }

  @Override
  public Item next() throws IOException {
    while (true) {
      SseEvent event = ready.poll();
      if (event != null) {
        Item item = events.item(event);
        if (item != null) {
          return item;
        }
        continue;
      }
      String line = lines.readLine();
      if (line == null) {
        // A capture cut after its last data line still holds a complete event: dispatch it.
        parser.line("");
        if (ready.isEmpty()) {
          return null;
        }
      } else {
        parser.line(line);
      }
    }
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
