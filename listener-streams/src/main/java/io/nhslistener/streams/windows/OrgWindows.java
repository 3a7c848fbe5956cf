package io.nhslistener.streams.windows;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One organisation's window state in one task: the <em>frontier</em>, where its first window not yet emitted starts
 * (every window before it has been emitted exactly once), and its open windows that have mentions. Windows are
 * emitted strictly in order from the frontier, so an organisation's output has no gaps and no repeats. Not
 * thread-safe.
 */
final class OrgWindows {
  private long frontier;
  private final TreeMap<Long, WindowAggregate> open;

  OrgWindows(long frontier, TreeMap<Long, WindowAggregate> open) {
    this.frontier = frontier;
    this.open = open;
  }

  static OrgWindows startingAt(long frontier) {
    return new OrgWindows(frontier, new TreeMap<>());
  }

  long frontier() {
    return frontier;
  }

  /** True when no window holds mentions. */
  boolean hasNoOpenWindows() {
    return open.isEmpty();
  }

  /** End of the last window with mentions, or the frontier when there is none. */
  long openUntil(long size) {
    return open.isEmpty() ? frontier : open.lastKey() + size;
  }

  Collection<WindowAggregate> openWindows() {
    return open.values();
  }

  /** The window starting at {@code start}, created empty when absent; {@code start} must not precede the frontier. */
  WindowAggregate windowAt(long start, long size) {
    if (start < frontier) {
      throw new IllegalArgumentException("window " + start + " precedes the frontier " + frontier);
    }
    return open.computeIfAbsent(start, s -> new WindowAggregate(s, s + size));
  }

  /**
   * Emits, in order, every window starting before {@code boundary} (empty ones for intervals without mentions) and
   * moves the frontier past them. Empty windows starting before {@code emptyHorizon} are skipped rather than emitted:
   * after the clock jumps (a replay of old data followed by live traffic) an organisation gets a bounded backfill of
   * empty windows, never millions; windows with mentions are always emitted.
   *
   * @return how many empty windows were skipped
   */
  long closeBefore(long boundary, long size, long emptyHorizon, Consumer<WindowAggregate> emit) {
    long skipped = 0;
    while (frontier < boundary) {
      Map.Entry<Long, WindowAggregate> first = open.firstEntry();
      if (first != null && first.getKey() == frontier) {
        open.pollFirstEntry();
        emit.accept(first.getValue());
        frontier += size;
      } else if (frontier < emptyHorizon) {
        long next = Math.min(emptyHorizon, first == null ? boundary : first.getKey());
        skipped += (next - frontier) / size;
        frontier = next;
      } else {
        emit.accept(new WindowAggregate(frontier, frontier + size));
        frontier += size;
      }
    }
    return skipped;
  }
}
