package io.nhslistener.ingest.source;

import java.io.IOException;

/**
 * One configured source instance, read by an ingest runner in the shape of a Kafka Connect source task: the runner
 * calls {@link #seek} with the last committed position, then {@link #poll} in a loop, committing every batch with its
 * position. Retries, back-off, privacy, dead letters and metrics belong to the runner, not to connectors.
 *
 * <p>A connector is used by one thread at a time (the runner's), except {@link #close()}, which may be called from
 * another thread to stop a blocked {@link #poll()}.
 */
public interface SourceConnector extends AutoCloseable {

  /**
   * Where to (re)start: drops any open connection and resumes after {@code position}. Called once at start and again
   * after every failure, always with the last committed position.
   *
   * @param position a position this connector returned in an earlier batch, or null to start as configured
   */
  void seek(String position);

  /**
   * The next items, waiting a short, bounded time for them (so the runner can notice a stop).
   *
   * @throws IOException a network failure or an unexpected end of stream; retried with back-off
   * @throws HttpStatusException the source answered with an error status; retried or fatal per {@code ErrorPolicy}
   * @throws InterruptedException the runner is stopping
   */
  Batch poll() throws IOException, InterruptedException;

  /** True when the source has nothing more to give (a replayed file at its end); live sources never finish. */
  default boolean finished() {
    return false;
  }

  /** Releases connections and threads; idempotent. */
  @Override
  void close();
}
