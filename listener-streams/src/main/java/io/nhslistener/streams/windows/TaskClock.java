package io.nhslistener.streams.windows;

import java.util.ArrayDeque;

/**
 * The time by which one task closes windows: event time, carried forward at wall-clock speed between mentions, and
 * read a settle delay late.
 *
 * <ul>
 *   <li>A mention moves the clock to its event time if that is later (never back).
 *   <li>On each wall-clock tick the clock advances by the wall-clock time elapsed since it was last set. A quiet
 *       partition's windows therefore close about grace after their end (plus the latency of the last mention), while
 *       a task catching up on a backlog, or replaying old mentions, is not cut off: its clock runs from the backlog's
 *       event times, not from today's date.
 *   <li>When no mention at all has arrived for {@code idleMs} (the grace period), the input is evidently caught up
 *       and the clock snaps forward to the wall clock. This also starts the clock of a task that has seen no mention
 *       since it started, and ends any lag left by a backlog of old mentions.
 *   <li>Windows close by {@link #closingTime}: the clock as it stood {@code settleMs} of wall-clock time ago. Why:
 *       mentions reach a task through several upstream tasks that Kafka Streams runs in turns, so while a backlog is
 *       worked off (a restart, a fast replay) event time races ahead and the turns put minutes of event time between
 *       neighbouring records. Grace, in event time, cannot absorb that; a short wall-clock delay does, because every
 *       upstream task gets many turns within it.
 * </ul>
 *
 * <p>The clock is never ahead of the wall clock (callers clamp event times to it) and is not persisted as such: a
 * restarted task {@linkplain #resume resumes} it from what its state store proves it had reached, or starts unknown
 * and is set by its first mention, or by the wall clock after {@code idleMs}. The per-organisation frontiers in the
 * state store are what carry exactly-once emission across restarts. Not thread-safe; one per task.
 */
final class TaskClock {
  static final long UNKNOWN = Long.MIN_VALUE;
  /** History resolution: readings closer together than this share one entry, so the settle delay is accurate to this. */
  private static final long READING_SPACING_MS = 50;

  private final long idleMs;
  private final long settleMs;
  /** Readings (wall time, clock time) of the last {@code settleMs}, oldest first, plus the one just before them. */
  private final ArrayDeque<long[]> readings = new ArrayDeque<>();
  private long time = UNKNOWN;
  private long setAtWall;
  private long lastInputWall;

  TaskClock(long idleMs, long settleMs, long wallNow) {
    this.idleMs = idleMs;
    this.settleMs = settleMs;
    this.lastInputWall = wallNow;
  }

  /** A mention with this event time (at most {@code wallNow}) arrived. */
  void observe(long eventTime, long wallNow) {
    lastInputWall = wallNow;
    if (eventTime > time) {
      set(eventTime, wallNow);
    }
  }

  /**
   * Sets the clock, at start-up, to a time it is known to have reached before a restart (at most {@code wallNow}), so
   * that a task whose input was all processed before the restart still closes its windows; ignored if the clock is
   * already later.
   */
  void resume(long time, long wallNow) {
    if (time > this.time) {
      set(time, wallNow);
    }
  }

  /** A wall-clock tick. */
  void tick(long wallNow) {
    if (time != UNKNOWN && wallNow > setAtWall) {
      set(time + wallNow - setAtWall, wallNow);
    }
    if (wallNow - lastInputWall >= idleMs && wallNow > time) {
      set(wallNow, wallNow);
    }
  }

  private void set(long newTime, long wallNow) {
    time = newTime;
    setAtWall = wallNow;
    long[] last = readings.peekLast();
    if (last != null && wallNow - last[0] < READING_SPACING_MS) {
      last[1] = newTime;
    } else {
      readings.addLast(new long[] {wallNow, newTime});
    }
  }

  /** The clock's time in epoch milliseconds, or {@link #UNKNOWN}. */
  long time() {
    return time;
  }

  /**
   * The time windows close by: the clock as it stood {@code settleMs} before {@code wallNow}, or {@link #UNKNOWN} if
   * it was not known then. Calls must not go back in wall-clock time.
   */
  long closingTime(long wallNow) {
    long asOf = wallNow - settleMs;
    long[] oldest = readings.pollFirst();
    while (!readings.isEmpty() && readings.peekFirst()[0] <= asOf) {
      oldest = readings.pollFirst(); // a later reading is also old enough: the one before it is no longer needed
    }
    if (oldest == null) {
      return UNKNOWN;
    }
    readings.addFirst(oldest);
    return oldest[0] > asOf ? UNKNOWN : oldest[1];
  }
}
