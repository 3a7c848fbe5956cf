package io.nhslistener.ingest.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one {@link SourceConnector#poll()} returned: items in source order and the position after the last of them.
 * The runner commits the items and the position in one Kafka transaction.
 *
 * @param items posts and malformed payloads, possibly none
 * @param position where to resume after these items, or null when the position did not move
 * @param pause how long the runner should wait before polling again (a poll interval or a rate limit); zero for streams
 * @param newestEventTime source time of the newest item the source reported (for the lag gauge), or null
 */
public record Batch(List<Item> items, String position, Duration pause, Instant newestEventTime) {
  public Batch {
    items = List.copyOf(items);
  }

  /** Nothing new; poll again after {@code pause}. */
  public static Batch empty(Duration pause) {
    return new Batch(List.of(), null, pause, null);
  }

  /** Items from a stream: poll again at once. */
  public static Batch of(List<Item> items, String position) {
    return new Batch(items, position, Duration.ZERO, null);
  }

  /** This batch with the source time of its newest item, for the lag gauge. */
  public Batch withNewestEventTime(Instant time) {
    return new Batch(items, position, pause, time);
  }

  /** This batch with a wait before the next poll. */
  public Batch withPause(Duration value) {
    return new Batch(items, position, value, newestEventTime);
  }

  public boolean isEmpty() {
    return items.isEmpty() && position == null;
  }
}
