package io.nhslistener.streams.dedupe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * An in-memory window store of points in time (windows one millisecond long, no duplicates) for state that is written
 * on every record and read only in bulk: the dedupe stage's durable copy of its own index, which Kafka Streams
 * changelogs and restores but which nothing reads record by record.
 *
 * <p>It keeps Kafka's window-store semantics: an entry is visible while its time is later than the latest time written
 * minus the retention period, and a write older than that is dropped. What it changes is the cost of a write. Kafka's
 * {@code InMemoryWindowStore} keeps one sorted map per distinct timestamp in a concurrent skip list and prunes expired
 * timestamps on every call; with a new timestamp per record that pruning took 29 % of the dedupe stage's time in a
 * profile. Here entries live in hash maps, one per time segment of {@code segmentMs}, and a whole segment is dropped
 * once all of it has expired, so a write is one hash-map insert. Expired entries of the oldest live segment stay in
 * memory until the segment goes (at most {@code segmentMs} of extra history) but are never returned.
 *
 * <p>Limits: reads copy and sort the matching entries before iterating (they serve restores, start-up and tools, not
 * the hot path); keys in ranged reads compare as unsigned bytes, as everywhere in Kafka Streams; the store answers no
 * interactive (IQv2) queries and its {@link #getPosition() position} stays empty. Not thread-safe: the owning stream
 * thread is its only user.
 */
final class PointWindowStore implements WindowStore<Bytes, byte[]> {
  /** Bytes after the key in a window-store changelog key: the window start (8) and a sequence number (4). */
  private static final int CHANGELOG_SUFFIX = Long.BYTES + Integer.BYTES;
  private static final Comparator<KeyValue<Windowed<Bytes>, byte[]>> BY_TIME_THEN_KEY =
      Comparator.<KeyValue<Windowed<Bytes>, byte[]>>comparingLong(entry -> entry.key.window().start())
          .thenComparing(entry -> entry.key.key());

  private final String name;
  private final long retentionMs;
  private final long segmentMs;
  /** Segments by id ({@code time / segmentMs}); each maps (key, time) to value. */
  private final NavigableMap<Long, Map<PointKey, byte[]>> segments = new TreeMap<>();
  /** The segment written last and its time range {@code [lastSegmentStart, lastSegmentEnd)}: most writes go there. */
  private Map<PointKey, byte[]> lastSegment;
  private long lastSegmentStart = Long.MAX_VALUE;
  private long lastSegmentEnd = Long.MIN_VALUE;
  private long streamTime = ConsumerRecord.NO_TIMESTAMP;
  /** The stream time from which the oldest segment has expired entirely. */
  private long nextExpiry = Long.MIN_VALUE;
  private boolean open;

  /**
   * @param name the store name
   * @param retentionMs how long an entry stays visible after the latest time written; positive
   * @param segmentMs the time span of one segment, the unit in which expired entries are dropped; positive
   * @throws IllegalArgumentException if either period is not positive
   */
  PointWindowStore(String name, long retentionMs, long segmentMs) {
    if (retentionMs <= 0 || segmentMs <= 0) {
      throw new IllegalArgumentException("retention and segment must be positive, were " + retentionMs + " and "
          + segmentMs + " ms");
    }
    this.name = name;
    this.retentionMs = retentionMs;
    this.segmentMs = segmentMs;
  }

  /** One entry's identity: a key at a time. */
  private record PointKey(Bytes key, long time) {}

  /** The window of a point in time: one millisecond long, as the store's supplier declares. */
  private static final class PointWindow extends Window {
    PointWindow(long start) {
      super(start, start + 1);
    }

    @Override
    public boolean overlap(Window other) {
      return start() < other.end() && other.start() < end();
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    context.register(root, this::restore);
    open = true;
  }

  /**
   * Applies one changelog record. Kafka Streams logs a window-store write under the key bytes followed by the window
   * start and a sequence number ({@code WindowKeySchema}); a null value is a delete.
   *
   * @throws IllegalArgumentException if the changelog key is too short to carry a time
   */
  void restore(byte[] changelogKey, byte[] value) {
    int keyLength = changelogKey.length - CHANGELOG_SUFFIX;
    if (keyLength < 0) {
      throw new IllegalArgumentException("changelog key of " + changelogKey.length + " bytes in store " + name
          + " is shorter than a window key (" + CHANGELOG_SUFFIX + " bytes at least)");
    }
    byte[] key = new byte[keyLength];
    System.arraycopy(changelogKey, 0, key, 0, keyLength);
    put(Bytes.wrap(key), value, ByteBuffer.wrap(changelogKey, keyLength, Long.BYTES).getLong());
  }

  /** Writes {@code value} for {@code key} at {@code time}, replacing what was there; null deletes. */
  @Override
  public void put(Bytes key, byte[] value, long time) {
    Objects.requireNonNull(key, "key cannot be null");
    if (time > streamTime) {
      streamTime = time;
      if (streamTime >= nextExpiry) {
        dropExpiredSegments();
      }
    }
    if (expired(time)) {
      return; // as Kafka's window stores do: a write the retention has already passed is dropped
    }
    if (value == null) {
      Map<PointKey, byte[]> segment = segments.get(Math.floorDiv(time, segmentMs));
      if (segment != null) {
        segment.remove(new PointKey(key, time));
      }
      return;
    }
    if (time < lastSegmentStart || time >= lastSegmentEnd) {
      long segmentId = Math.floorDiv(time, segmentMs);
      lastSegment = segments.computeIfAbsent(segmentId, id -> newSegment());
      lastSegmentStart = segmentId * segmentMs;
      lastSegmentEnd = lastSegmentStart + segmentMs;
    }
    lastSegment.put(new PointKey(key, time), value);
  }

  /** A segment sized for as many entries as the one written before it: the best guess of the next segment's traffic. */
  private Map<PointKey, byte[]> newSegment() {
    int expected = lastSegment == null ? 0 : lastSegment.size();
    return new HashMap<>(expected + expected / 3 + 1);
  }

  /** Drops the segments every entry of which has expired. */
  private void dropExpiredSegments() {
    long firstLive = Math.floorDiv(streamTime - retentionMs + 1, segmentMs);
    segments.headMap(firstLive, false).clear();
    if (lastSegmentEnd <= firstLive * segmentMs) {
      forgetLastSegment();
    }
    nextExpiry = (firstLive + 1) * segmentMs + retentionMs - 1;
  }

  private void forgetLastSegment() {
    lastSegment = null;
    lastSegmentStart = Long.MAX_VALUE;
    lastSegmentEnd = Long.MIN_VALUE;
  }

  private boolean expired(long time) {
    return time <= streamTime - retentionMs;
  }

  @Override
  public byte[] fetch(Bytes key, long time) {
    Objects.requireNonNull(key, "key cannot be null");
    if (expired(time)) {
      return null;
    }
    Map<PointKey, byte[]> segment = segments.get(Math.floorDiv(time, segmentMs));
    return segment == null ? null : segment.get(new PointKey(key, time));
  }

  @Override
  public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
    Objects.requireNonNull(key, "key cannot be null");
    return new TimeIterator(collect(key, key, timeFrom, timeTo), false);
  }

  @Override
  public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
    Objects.requireNonNull(key, "key cannot be null");
    return new TimeIterator(collect(key, key, timeFrom, timeTo), true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
    return new SnapshotIterator<>(collect(keyFrom, keyTo, timeFrom, timeTo), false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo, long timeFrom,
      long timeTo) {
    return new SnapshotIterator<>(collect(keyFrom, keyTo, timeFrom, timeTo), true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
    return new SnapshotIterator<>(collect(null, null, timeFrom, timeTo), false);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
    return new SnapshotIterator<>(collect(null, null, timeFrom, timeTo), true);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
    return fetchAll(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
    return backwardFetchAll(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * The live entries with a key in {@code [keyFrom, keyTo]} (null: unbounded) and a time in {@code [timeFrom,
   * timeTo]}, by time then key.
   */
  private List<KeyValue<Windowed<Bytes>, byte[]>> collect(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
    long from = Math.max(timeFrom, streamTime - retentionMs + 1);
    List<KeyValue<Windowed<Bytes>, byte[]>> found = new ArrayList<>();
    if (from > timeTo || (keyFrom != null && keyTo != null && keyFrom.compareTo(keyTo) > 0)) {
      return found;
    }
    for (Map<PointKey, byte[]> segment
        : segments.subMap(Math.floorDiv(from, segmentMs), true, Math.floorDiv(timeTo, segmentMs), true).values()) {
      for (Map.Entry<PointKey, byte[]> entry : segment.entrySet()) {
        PointKey point = entry.getKey();
        if (point.time() >= from && point.time() <= timeTo
            && (keyFrom == null || point.key().compareTo(keyFrom) >= 0)
            && (keyTo == null || point.key().compareTo(keyTo) <= 0)) {
          found.add(KeyValue.pair(new Windowed<>(point.key(), new PointWindow(point.time())), entry.getValue()));
        }
      }
    }
    found.sort(BY_TIME_THEN_KEY);
    return found;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void flush() {
    // Nothing to flush: the changelog, written by the logging layer above, is the durable copy.
  }

  @Override
  public void close() {
    segments.clear();
    forgetLastSegment();
    open = false;
  }

  /** Always empty: the store answers no interactive queries, so there is no position to be consistent with. */
  @Override
  public Position getPosition() {
    return Position.emptyPosition();
  }

  /** An iterator over a snapshot of entries; holds no resources. */
  private static class SnapshotIterator<K> implements KeyValueIterator<K, byte[]> {
    private final List<KeyValue<K, byte[]>> entries;
    private int next;

    SnapshotIterator(List<KeyValue<K, byte[]>> entries, boolean backward) {
      if (backward) {
        Collections.reverse(entries);
      }
      this.entries = entries;
    }

    @Override
    public boolean hasNext() {
      return next < entries.size();
    }

    @Override
    public KeyValue<K, byte[]> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return entries.get(next++);
    }

    @Override
    public K peekNextKey() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return entries.get(next).key;
    }

    @Override
    public void close() {
      // A snapshot holds no resources.
    }
  }

  /** The entries of one key, keyed by time. */
  private static final class TimeIterator extends SnapshotIterator<Long> implements WindowStoreIterator<byte[]> {
    TimeIterator(List<KeyValue<Windowed<Bytes>, byte[]>> entries, boolean backward) {
      super(entries.stream().map(entry -> KeyValue.pair(entry.key.window().start(), entry.value))
          .collect(Collectors.toCollection(ArrayList::new)), backward);
    }
  }
}
