package io.nhslistener.ingest.testing;

import io.nhslistener.ingest.source.Batch;
import io.nhslistener.ingest.source.SourceConnector;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connector that plays a script of batches and failures, then returns empty batches; records its seeks. */
public final class ScriptedConnector implements SourceConnector {
  private final Deque<Object> script = new ArrayDeque<>();
  private final List<String> seeks = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private final boolean finishWhenDone;

  public ScriptedConnector(boolean finishWhenDone, Object... steps) {
    this.finishWhenDone = finishWhenDone;
    script.addAll(List.of(steps));
  }

  @Override
  public void seek(String position) {
    seeks.add(String.valueOf(position));
  }

  @Override
  public synchronized Batch poll() throws IOException {
    Object step = script.poll();
    if (step instanceof IOException io) {
      throw io;
    }
    if (step instanceof RuntimeException runtime) {
      throw runtime;
    }
    return step == null ? Batch.empty(Duration.ofMillis(10)) : (Batch) step;
  }

  @Override
  public synchronized boolean finished() {
    return finishWhenDone && script.isEmpty();
  }

  /** Puts a step back at the front (a batch to be fetched again after a failure). */
  public synchronized void replay(Object step) {
    script.addFirst(step);
  }

  public List<String> seeks() {
    return List.copyOf(seeks);
  }

  public boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
