package io.nhslistener.ingest.stream;

import io.nhslistener.ingest.source.Batch;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.source.SourceConnector;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shape shared by push sources (SSE, NDJSON, WebSocket): a reader thread holds the connection and puts what it
 * reads into a bounded queue (a full queue blocks the reader, which back-pressures the socket); {@link #poll()} drains
 * it into batches. A failure of the connection is handed to the runner through {@link #poll()}, which then calls
 * {@link #seek} with the committed position, starting a new reader. A connection silent for longer than the stall
 * timeout counts as dropped, since a half-open TCP connection otherwise never fails.
 *
 * <p>Subclasses implement {@link #stream} and, when their connection does not end on thread interruption,
 * {@link #disconnect()}.
 */
public abstract class StreamingConnector implements SourceConnector {
  private static final int QUEUE_CAPACITY = 10_000;
  private static final Duration POLL_WAIT = Duration.ofMillis(200);

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final String name;
  private final int maxBatch;
  private final Duration stallTimeout;
  private final Clock clock;
  private final AtomicLong lastActivityMs = new AtomicLong();
  private volatile Thread reader;
  private volatile Sink currentSink;
  private volatile boolean closed;
  private String position;

  /**
   * @param name thread name prefix (the source instance id)
   * @param maxBatch most items per batch
   * @param stallTimeout how long the connection may stay silent (no data, no keep-alive) before it is dropped
   */
  protected StreamingConnector(String name, int maxBatch, Duration stallTimeout, Clock clock) {
    this.name = name;
    this.maxBatch = maxBatch;
    this.stallTimeout = stallTimeout;
    this.clock = clock;
  }

  /**
   * Connects and reads until the connection ends or fails, handing every item to {@code sink}. Runs on the reader
   * thread; must return or throw promptly once the thread is interrupted or {@link #disconnect()} was called.
   *
   * @param position the position to resume after, or null to start as configured
   * @throws IOException a network failure; returning normally also counts as the connection having dropped
   */
  protected abstract void stream(String position, Sink sink) throws IOException, InterruptedException;

  /** Closes the current connection from another thread; by default nothing beyond interrupting the reader. */
  protected void disconnect() {}

  @Override
  public final void seek(String newPosition) {
    stopReader();
    queue.clear();
    position = newPosition;
  }

  @Override
  public final Batch poll() throws IOException, InterruptedException {
    if (closed) {
      throw new IOException("connector closed");
    }
    if (reader == null) {
      startReader();
    }
    Object first = queue.poll(POLL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (first == null) {
      if (clock.millis() - lastActivityMs.get() > stallTimeout.toMillis()) {
        stopReader();
        throw new IOException("no data or keep-alive for " + stallTimeout.toSeconds() + " s");
      }
      return Batch.empty(Duration.ZERO);
    }
    if (first instanceof Failure failure) {
      stopReader();
      throw failure.asException();
    }
    List<Item> items = new ArrayList<>();
    Positioned last = (Positioned) first;
    items.add(last.item());
    Instant newest = last.eventTime();
    while (items.size() < maxBatch && queue.peek() instanceof Positioned) {
      last = (Positioned) queue.poll();
      items.add(last.item());
      newest = last.eventTime() != null ? last.eventTime() : newest;
    }
    position = last.position();
    return Batch.of(items, position).withNewestEventTime(newest);
  }

  @Override
  public void close() {
    closed = true;
    stopReader();
  }

  private void startReader() {
    Sink sink = new Sink();
    currentSink = sink;
    lastActivityMs.set(clock.millis());
    String from = position;
    Thread thread = new Thread(() -> {
      try {
        stream(from, sink);
        sink.fail(new IOException("stream ended"));
      } catch (IOException | RuntimeException e) {
        sink.fail(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, name + "-reader");
    thread.setDaemon(true);
    reader = thread;
    thread.start();
  }

  private void stopReader() {
    Thread thread = reader;
    reader = null;
    currentSink = null;
    if (thread != null) {
      disconnect();
      thread.interrupt();
    }
  }

  /** Where a reader thread puts what it read; a reader that was replaced can no longer put anything. */
  public final class Sink {
    private Sink() {}

    /**
     * Queues one item, waiting while the queue is full.
     *
     * @param itemPosition the position after this item
     * @param eventTime the source's time for this item (for the lag gauge), or null
     * @throws InterruptedException when this reader has been replaced or stopped
     */
    public void emit(Item item, String itemPosition, Instant eventTime) throws InterruptedException {
      alive();
      if (currentSink != this) {
        throw new InterruptedException("reader replaced");
      }
      queue.put(new Positioned(item, itemPosition, eventTime));
    }

    /** The connection showed it is alive (a keep-alive, a comment, an event that gives no item). */
    public void alive() {
      lastActivityMs.set(clock.millis());
    }

    void fail(Exception error) {
      if (currentSink == this) {
        // Bounded wait: a full queue that nobody drains means the runner is gone.
        try {
          queue.offer(new Failure(error), 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private record Positioned(Item item, String position, Instant eventTime) {}

  private record Failure(Exception error) {
    IOException asException() {
      if (error instanceof RuntimeException runtime) {
        throw runtime;
      }
      return error instanceof IOException io ? io : new IOException(error);
    }
  }
}
