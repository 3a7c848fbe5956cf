package io.nhslistener.alerts.delivery;

import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which offsets of one partition of {@code listener.alerts} are finished, and what to commit.
 *
 * <p>Alerts finish out of order: one held for a quiet-hours digest or retrying for an hour must not stop later alerts
 * from going out, yet a restart must neither lose the held one nor send the later ones again. So the committed offset
 * is the lowest unfinished offset (everything below it is finished) and the commit's metadata, stored by the broker
 * with the offset, records {@code h}, the offset after the highest one begun, and {@code p}, the unfinished offsets
 * between: on restart every offset in {@code [committed, h)} not in {@code p} is known finished and skipped. The
 * metadata is short because few alerts are unfinished at a time; should it ever exceed {@value #MAX_METADATA}
 * characters it is left out, and the records above the commit point are delivered again after a restart (at least
 * once still holds; receivers honouring the idempotency key see them once).
 */
final class PartitionProgress {
  static final int MAX_METADATA = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(PartitionProgress.class);
  private static final String VERSION = "d1";

  /** Offsets below this were finished before this assignment. */
  private final long resumedAt;
  /** Offsets in [resumedAt, resumedHigh) not in the resumed pending set were finished before this assignment. */
  private final long resumedHigh;
  private final NavigableSet<Long> resumedPending;
  /** Offsets begun and not yet finished, including resumed pending ones not yet read again. */
  private final NavigableSet<Long> unfinished = new TreeSet<>();
  /** Resumed pending offsets not yet read again. */
  private final NavigableSet<Long> unread = new TreeSet<>();
  private long high;

  private PartitionProgress(long resumedAt, long resumedHigh, NavigableSet<Long> resumedPending) {
    this.resumedAt = resumedAt;
    this.resumedHigh = Math.max(resumedHigh, resumedAt);
    this.resumedPending = resumedPending;
    this.unfinished.addAll(resumedPending);
    this.unread.addAll(resumedPending);
    this.high = this.resumedHigh;
  }

  /** Progress of a partition with nothing committed yet. */
  static PartitionProgress fresh() {
    return new PartitionProgress(-1, -1, new TreeSet<>());
  }

  /** Progress resumed from the group's committed offset and metadata; null means nothing committed. */
  static PartitionProgress resume(OffsetAndMetadata committed) {
    if (committed == null) {
      return fresh();
    }
    long offset = committed.offset();
    String metadata = committed.metadata();
    if (metadata == null || metadata.isEmpty()) {
      return new PartitionProgress(offset, offset, new TreeSet<>());
    }
    try {
      return decode(offset, metadata);
    } catch (IllegalArgumentException e) {
      // Unreadable metadata only costs possible repeats above the commit point; never a lost alert.
      LOG.warn("ignoring unreadable delivery progress metadata at offset {}: {}", offset, e.getMessage());
      return new PartitionProgress(offset, offset, new TreeSet<>());
    }
  }

  /** True when the record at {@code offset} was finished before this assignment: replay it into state only. */
  boolean finishedBefore(long offset) {
    return offset < resumedAt || (offset < resumedHigh && !resumedPending.contains(offset));
  }

  /** Marks {@code offset} as read and unfinished. */
  void begin(long offset) {
    unread.remove(offset);
    unfinished.add(offset);
    high = Math.max(high, offset + 1);
  }

  /** Marks {@code offset} finished: delivered, suppressed or dead-lettered on every route. */
  void finish(long offset) {
    unfinished.remove(offset);
  }

  /** True when some offset is begun and not finished. */
  boolean hasUnfinished() {
    return !unfinished.isEmpty();
  }

  /**
   * What to commit now.
   *
   * @param position the consumer's position: every record before it has been handed to {@link #begin} or
   *     {@link #finishedBefore}
   */
  OffsetAndMetadata commitPoint(long position) {
    // A resumed pending offset the consumer has passed without returning it no longer exists (retention): forget it.
    for (Iterator<Long> it = unread.iterator(); it.hasNext(); ) {
      long offset = it.next();
      if (offset >= position) {
        break;
      }
      it.remove();
      unfinished.remove(offset);
    }
    if (unfinished.isEmpty()) {
      return new OffsetAndMetadata(Math.max(Math.max(position, high), resumedAt));
    }
    long low = unfinished.first();
    String metadata = encode();
    if (metadata.length() > MAX_METADATA) {
      LOG.warn("{} alerts unfinished on one partition; committing without skip metadata, so alerts above offset {} "
          + "may be delivered again after a restart", unfinished.size(), low);
      metadata = "";
    }
    return new OffsetAndMetadata(low, metadata);
  }

  private String encode() {
    StringBuilder text = new StringBuilder(VERSION).append(";h=").append(high).append(";p=");
    Long start = null;
    long previous = -2;
    for (long offset : unfinished) {
      if (start != null && offset == previous + 1) {
        previous = offset;
        continue;
      }
      if (start != null) {
        appendRange(text, start, previous);
      }
      start = offset;
      previous = offset;
    }
    appendRange(text, start, previous);
    return text.toString();
  }

  private static void appendRange(StringBuilder text, long start, long end) {
    if (text.charAt(text.length() - 1) != '=') {
      text.append(',');
    }
    text.append(start);
    if (end != start) {
      text.append('-').append(end);
    }
  }

  private static PartitionProgress decode(long offset, String metadata) {
    String[] parts = metadata.split(";", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].startsWith("h=") || !parts[2].startsWith("p=")) {
      throw new IllegalArgumentException("expected " + VERSION + ";h=<offset>;p=<ranges>");
    }
    long high = parseOffset(parts[1].substring(2));
    NavigableSet<Long> pending = new TreeSet<>();
    String ranges = parts[2].substring(2);
    if (!ranges.isEmpty()) {
      for (String range : ranges.split(",")) {
        int dash = range.indexOf('-');
        long start = parseOffset(dash < 0 ? range : range.substring(0, dash));
        long end = dash < 0 ? start : parseOffset(range.substring(dash + 1));
        if (end < start || start < offset || end >= high || end - start > MAX_METADATA * 1000L) {
          throw new IllegalArgumentException("range " + range + " outside [" + offset + ", " + high + ")");
        }
        for (long o = start; o <= end; o++) {
          pending.add(o);
        }
      }
    }
    return new PartitionProgress(offset, high, pending);
  }

  private static long parseOffset(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an offset: " + text);
    }
  }
}
