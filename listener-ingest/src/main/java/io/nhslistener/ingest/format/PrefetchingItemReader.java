package io.nhslistener.ingest.format;

import io.nhslistener.ingest.source.Item;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and parses ahead on its own thread, in chunks, so that parsing a file overlaps with producing what was already
 * parsed: at full replay speed the two together are the ingest path's cost. At most {@code chunks × chunkSize} items
 * are held. Not thread-safe for callers (one consumer), like every reader.
 */
public final class PrefetchingItemReader implements ItemReader {
  private static final List<Item> END = List.of();

  private final ItemReader source;
  private final BlockingQueue<Object> chunks;
  private final Thread thread;
  private Iterator<Item> current = END.iterator();
  private boolean ended;

  /**
   * @param source the reader to read ahead of; closed by {@link #close()}
   * @param name thread name
   */
  public PrefetchingItemReader(ItemReader source, String name, int chunkSize, int chunks) {
    this.source = source;
    this.chunks = new ArrayBlockingQueue<>(chunks);
    this.thread = new Thread(() -> readAhead(chunkSize), name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public Item next() throws IOException {
    while (!current.hasNext()) {
      if (ended) {
        return null;
      }
      Object chunk;
      try {
        chunk = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading ahead", e);
      }
      if (chunk instanceof IOException error) {
        ended = true;
        throw error;
      }
      @SuppressWarnings("unchecked")
      List<Item> items = (List<Item>) chunk;
      ended = items == END;
      current = items.iterator();
    }
    return current.next();
  }

  @Override
  public void close() throws IOException {
    thread.interrupt();
    source.close();
  }

  private void readAhead(int chunkSize) {
    try {
      while (true) {
        List<Item> chunk = new ArrayList<>(chunkSize);
        Item item = null;
        while (chunk.size() < chunkSize && (item = source.next()) != null) {
          chunk.add(item);
        }
        if (!chunk.isEmpty()) {
          chunks.put(chunk);
        }
        if (item == null) {
          chunks.put(END);
          return;
        }
      }
    } catch (IOException e) {
      putQuietly(e);
    } catch (InterruptedException e) {
      // Closed: the consumer is gone.
      Thread.currentThread().interrupt();
    }
  }

  private void putQuietly(IOException error) {
    try {
      chunks.put(error);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
