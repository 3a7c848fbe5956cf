package io.nhslistener.app.bench;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
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

  private final StageProgress progress;
  private final Duration limit;
  private final Duration reportEvery;

  Drain(StageProgress progress, Duration limit, Duration reportEvery) {
    this.progress = progress;
    this.limit = limit;
    this.reportEvery = reportEvery;
  }

  /**
   * Polls until drained, passing the positions to {@code report} every {@code reportEvery}.
   *
   * @return the {@link System#nanoTime()} at which the stages were first found drained; the time of giving up when
   *     the limit passes first (logged as a warning)
   */
  long await(Consumer<Map<String, StageProgress.Position>> report) throws InterruptedException {
    long start = System.nanoTime();
    long nextReport = start + reportEvery.toNanos();
    Map<String, StageProgress.Position> previous = null;
    long previousAt = 0;
    while (true) {
      long now = System.nanoTime();
      Map<String, StageProgress.Position> positions = progress.read();
      boolean caughtUp = positions.values().stream().allMatch(StageProgress.Position::caughtUp);
      if (caughtUp && positions.equals(previous)) {
        return previousAt;
      }
      if (now - start > limit.toNanos()) {
        LOG.warn("bench: stages not drained after {}: {}", limit, positions);
        return now;
      }
      if (now >= nextReport) {
        report.accept(positions);
        nextReport += reportEvery.toNanos();
      }
      previous = caughtUp ? positions : null;
      previousAt = now;
      Thread.sleep(POLL_MILLIS);
    }
  }
}
