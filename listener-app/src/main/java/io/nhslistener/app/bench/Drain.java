package io.nhslistener.app.bench;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until every stage has read all of its input. One reading is not enough: offsets and ends are read one after
 * the other, so a stage can look caught up just before its upstream commits more. Done means two readings in a row
 * with every stage caught up and nothing read in between; the time returned is that of the first of them.
 */
final class Drain {
  private static final Logger LOG = LoggerFactory.getLogger(Drain.class);
  private static final long POLL_MILLIS = 200;

  /** Sees every reading. */
  @FunctionalInterface
  interface Observer {
    void reading(long nanos, Map<String, StageProgress.Position> positions);
  }

  /**
   * When the stages drained, or the limit passed first.
   *
   * @param nanos {@link System#nanoTime()} at which the stages were first found drained, or of giving up
   * @param drained false when the limit passed first
   */
  record Outcome(long nanos, boolean drained) {}

  private final StageProgress progress;
  private final Duration limit;

  Drain(StageProgress progress, Duration limit) {
    this.progress = progress;
    this.limit = limit;
  }

  /** Polls until drained or until the limit passes (then logs a warning), showing every reading to {@code observer}. */
  Outcome await(Observer observer) throws InterruptedException {
    long start = System.nanoTime();
    Map<String, StageProgress.Position> previous = null;
    long previousAt = 0;
    while (true) {
      long now = System.nanoTime();
      Map<String, StageProgress.Position> positions = progress.read();
      observer.reading(now, positions);
      boolean caughtUp = positions.values().stream().allMatch(StageProgress.Position::caughtUp);
      if (caughtUp && positions.equals(previous)) {
        return new Outcome(previousAt, true);
      }
      if (now - start > limit.toNanos()) {
        LOG.warn("bench: stages not drained after {}: {}", limit, positions);
        return new Outcome(now, false);
      }
      previous = caughtUp ? positions : null;
      previousAt = now;
      Thread.sleep(POLL_MILLIS);
    }
  }
}
