package io.nhslistener.ingest.format;

import io.nhslistener.ingest.source.Item;
import java.io.Closeable;
import java.io.IOException;

/** Items read one at a time from a captured payload file. Not thread-safe. */
public interface ItemReader extends Closeable {
  /**
   * @return the next item, or null at the end of the input
   * @throws IOException when the file cannot be read (a payload that cannot be parsed is a malformed item instead)
   */
  Item next() throws IOException;
}
