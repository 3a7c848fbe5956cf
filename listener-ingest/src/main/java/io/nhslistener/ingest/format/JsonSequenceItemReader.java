package io.nhslistener.ingest.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.nhslistener.core.serde.Json;
import io.nhslistener.ingest.reddit.RedditListingParser;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.text.PayloadException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Captured Reddit responses: one or more listing documents one after the other (pretty-printed or one per line). A
 * document that is not a listing is one malformed item; text that is not JSON ends the file with one malformed item.
 */
final class JsonSequenceItemReader implements ItemReader {
  private final MappingIterator<JsonNode> documents;
  private final RedditListingParser parser = new RedditListingParser();
  private final Clock clock;
  private final Queue<Item> ready = new ArrayDeque<>();
  private boolean broken;

  JsonSequenceItemReader(InputStream in, Clock clock) throws IOException {
    this.documents = Json.mapper().readerFor(JsonNode.class).readValues(in);
    this.clock = clock;
  }

  @Override
  public Item next() throws IOException {
    while (ready.isEmpty() && !broken) {
      JsonNode document;
      try {
        if (!documents.hasNextValue()) {
          return null;
        }
        document = documents.nextValue();
      } catch (JacksonException e) {
        broken = true;
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
        return new Item.Malformed(new byte[0], "reddit listing file: not valid JSON" + where);
      }
      try {
        ready.addAll(parser.parse(document, clock.instant()).items());
      } catch (PayloadException e) {
        return new Item.Malformed(RedditListingParser.bytes(document), "reddit listing: " + e.getMessage());
      }
    }
    return ready.poll();
  }

  @Override
  public void close() throws IOException {
    documents.close();
  }
}
