package io.nhslistener.streams.windows;

/**
 * The time by which one task closes windows: event time, carried forward at wall-clock speed between mentions.
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
 * </ul>
 *
 * <p>The clock is never ahead of the wall clock (callers clamp event times to it) and is not persisted: a restarted
 * task starts unknown and is set by its first mention, or by the wall clock after {@code idleMs}. The per-organisation
 * frontiers in the state store are what carry exactly-once emission across restarts. Not thread-safe; one per task.
 */
final class TaskClock {
  static final long UNKNOWN = Long.MIN_VALUE;

  private final long idleMs;
  private long time = UNKNOWN;
  private long setAtWall;
  private long lastInputWall;

  TaskClock(long idleMs, long wallNow) {
    this.idleMs = idleMs;
    this.lastInputWall = wallNow;
  }

  /** A mention with this event time (at most {@code wallNow}) arrived. */
  void observe(long eventTime, long wallNow) {
    lastInputWall = wallNow;
    if (eventTime > time) {
      time = eventTime;
      setAtWall = wallNow;
    }
  }

  /** A wall-clock tick. */
  void tick(long wallNow) {
    if (time != UNKNOWN && wallNow > setAtWall) {
      time += wallNow - setAtWall;
      setAtWall = wallNow;
    }
    if (wallNow - lastInputWall >= idleMs && wallNow > time) {
      time = wallNow;
      setAtWall = wallNow;
    }
  }

  boolean isKnown() {
    return time != UNKNOWN;
  }

  /** The clock's time in epoch milliseconds, or {@link #UNKNOWN}. */
  long time() {
    return time;
  }
}
