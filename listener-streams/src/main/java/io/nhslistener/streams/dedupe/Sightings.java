package io.nhslistener.streams.dedupe;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The dedupe stage's memory of the horizon: every sighting is written to a changelogged window store (the durable
 * copy, expiring with the horizon) and kept in an in-memory index that answers every lookup, so a decision costs a few
 * hash lookups instead of window-store range scans.
 *
 * <p>The index mirrors the store exactly, including the store's notion of expiry: an entry is visible while its time
 * is later than the latest time written minus the horizon (the store's observed stream time minus its retention), and
 * a write older than that is dropped, as the store drops it. {@link #load()} rebuilds the index from the store when
 * the processor starts, after Kafka Streams has restored the store from its changelog, so decisions after a restart are
 * the ones the stage would have made without it.
 *
 * <p>Near-duplicate lookup is banded: the 64-bit fingerprint of every comparable first sighting is indexed under its
 * four 16-bit bands, and two fingerprints at most 3 bits apart share at least one band (pigeonhole), so a lookup
 * compares whole fingerprints within four buckets only. An id written at several times is known by its latest entry.
 *
 * <p>Not thread-safe: one instance per processor (per task).
 */
final class Sightings {
  static final int BANDS = 4;
  private static final int BAND_BITS = 64 / BANDS;

  private final WindowStore<String, Sighting> store;
  private final long horizonMs;
  private final int maxDistance;
  private final Map<String, Entry> latestById = new HashMap<>();
  /** Comparable first sightings by band and band bits: {@code BANDS × 65,536} buckets, null when empty. */
  private final Bucket[] buckets = new Bucket[BANDS << BAND_BITS];
  private final PriorityQueue<Entry> byTime = new PriorityQueue<>();
  private long streamTime = Long.MIN_VALUE;

  Sightings(WindowStore<String, Sighting> store, long horizonMs, int maxDistance) {
    this.store = store;
    this.horizonMs = horizonMs;
    this.maxDistance = maxDistance;
  }

  /** One stored sighting: an id at a time. Ordered by time, for expiry. */
  static final class Entry implements Comparable<Entry> {
    final String id;
    final long time;
    Sighting sighting;
    /** Position in each band's bucket while banded, so that removal needs no search. */
    private final int[] slots = new int[BANDS];

    private Entry(String id, long time, Sighting sighting) {
      this.id = id;
      this.time = time;
      this.sighting = sighting;
    }

    @Override
    public int compareTo(Entry other) {
      return Long.compare(time, other.time);
    }
  }

  /** Indexes everything the store holds. */
  void load() {
    try (KeyValueIterator<Windowed<String>, Sighting> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<Windowed<String>, Sighting> entry = all.next();
        long time = entry.key.window().start();
        streamTime = Math.max(streamTime, time);
        index(entry.key.key(), time, entry.value);
      }
    }
    evict();
  }

  /** The latest sighting of {@code id} if it is visible and within the horizon of {@code time}, else null. */
  Entry find(String id, long time) {
    Entry entry = latestById.get(id);
    return entry != null && relevant(entry, time) ? entry : null;
  }

  /** Writes a sighting of {@code id} at {@code time} (an existing entry at that time is replaced). */
  void put(String id, Sighting sighting, long time) {
    store.put(id, sighting, time);
    streamTime = Math.max(streamTime, time);
    if (time > streamTime - horizonMs) {
      index(id, time, sighting);
    }
    evict();
  }

  /**
   * The id of the comparable first sighting whose fingerprint is closest to {@code fingerprint}, within the distance
   * limit and the horizon of {@code time}; on a tie the earliest, then the smallest id. Null when there is none.
   */
  String findNear(long fingerprint, long time) {
    Entry best = null;
    int bestDistance = maxDistance + 1;
    for (int band = 0; band < BANDS; band++) {
      Bucket bucket = buckets[bucket(band, fingerprint)];
      if (bucket == null) {
        continue;
      }
      for (int i = 0; i < bucket.size; i++) {
        int distance = SimHasher.distance(fingerprint, bucket.fingerprints[i]);
        Entry candidate = bucket.entries[i];
        if (distance <= maxDistance && relevant(candidate, time) && (distance < bestDistance
            || (distance == bestDistance && earlier(candidate, best)))) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    return best == null ? null : best.id;
  }

  private boolean relevant(Entry entry, long time) {
    return entry.time > streamTime - horizonMs && Math.abs(time - entry.time) <= horizonMs;
  }

  private static boolean earlier(Entry candidate, Entry best) {
    return best == null || candidate.time < best.time
        || (candidate.time == best.time && candidate.id.compareTo(best.id) < 0);
  }

  private void index(String id, long time, Sighting sighting) {
    Entry latest = latestById.get(id);
    if (latest != null && latest.time == time) {
      boolean wasIndexed = isBanded(latest.sighting);
      latest.sighting = sighting;
      if (wasIndexed != isBanded(sighting)) {
        band(latest, isBanded(sighting));
      }
      return;
    }
    Entry entry = new Entry(id, time, sighting);
    if (latest == null || latest.time < time) {
      latestById.put(id, entry);
    }
    byTime.add(entry);
    if (isBanded(sighting)) {
      band(entry, true);
    }
  }

  /** Drops what the store no longer returns, oldest first. */
  private void evict() {
    while (!byTime.isEmpty() && byTime.peek().time <= streamTime - horizonMs) {
      Entry old = byTime.poll();
      latestById.remove(old.id, old);
      if (isBanded(old.sighting)) {
        band(old, false);
      }
    }
  }

  private void band(Entry entry, boolean add) {
    for (int band = 0; band < BANDS; band++) {
      int key = bucket(band, entry.sighting.fingerprint());
      if (add) {
        if (buckets[key] == null) {
          buckets[key] = new Bucket(band);
        }
        buckets[key].add(entry);
      } else if (buckets[key].remove(entry)) {
        buckets[key] = null;
      }
    }
  }

  /**
   * The first sightings sharing one band value, with their fingerprints side by side in an array, so that a lookup
   * compares fingerprints without following a reference per candidate. Order is irrelevant (ties break on time and id).
   */
  private static final class Bucket {
    private final int band;
    long[] fingerprints = new long[2];
    Entry[] entries = new Entry[2];
    int size;

    Bucket(int band) {
      this.band = band;
    }

    void add(Entry entry) {
      if (size == entries.length) {
        fingerprints = Arrays.copyOf(fingerprints, size * 2);
        entries = Arrays.copyOf(entries, size * 2);
      }
      fingerprints[size] = entry.sighting.fingerprint();
      entries[size] = entry;
      entry.slots[band] = size++;
    }

    /** Removes {@code entry} by moving the last one into its slot; true when the bucket is now empty. */
    boolean remove(Entry entry) {
      int slot = entry.slots[band];
      size--;
      fingerprints[slot] = fingerprints[size];
      entries[slot] = entries[size];
      entries[slot].slots[band] = slot;
      entries[size] = null;
      return size == 0;
    }
  }

  private static boolean isBanded(Sighting sighting) {
    return sighting.kind() == Sighting.Kind.FIRST && sighting.comparable();
  }

  private static int bucket(int band, long fingerprint) {
    return band << BAND_BITS | (int) (fingerprint >>> (band * BAND_BITS)) & 0xFFFF;
  }
}
