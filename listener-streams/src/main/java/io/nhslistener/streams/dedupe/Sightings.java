package io.nhslistener.streams.dedupe;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
 * a write older than that is dropped, as the store drops it. Entries by id live in two generations, one horizon of
 * time each: every live entry is in the generation of the latest time written or the one before it, and a whole
 * generation is let go once the one after it is complete. Removing expired ids one at a time instead cost a quarter
 * of the stage's time in a profile, one cache miss after another; expired entries left in the older generation are
 * skipped by time, as in the buckets below. {@link #load()} rebuilds the index from the store when
 * the processor starts, after Kafka Streams has restored the store from its changelog, so decisions after a restart are
 * the ones the stage would have made without it.
 *
 * <p>Near-duplicate lookup is banded: the 64-bit fingerprint of every comparable first sighting is indexed under its
 * four 16-bit bands, and two fingerprints at most 3 bits apart share at least one band (pigeonhole), so a lookup
 * compares whole fingerprints within four buckets only. An id written at several times is known by its latest entry.
 * Expired first sightings leave their buckets lazily, when the bucket next takes an entry (lookups skip them by time):
 * expiry then costs no visit to four random buckets per sighting (a sixth of the stage's time in a profile).
 *
 * <p>Not thread-safe: one instance per processor (per task).
 */
final class Sightings {
  static final int BANDS = 4;
  private static final int BAND_BITS = 64 / BANDS;

  private final WindowStore<String, Sighting> store;
  private final long horizonMs;
  private final int maxDistance;
  /**
   * Latest entries by id with a time in {@code [newerStart, newerEnd)}, one horizon long, and in the horizon before.
   * Together they hold at most two horizons of ids.
   */
  private Map<String, Entry> newer = new HashMap<>();
  private Map<String, Entry> older = new HashMap<>();
  private long newerStart = Long.MIN_VALUE;
  private long newerEnd = Long.MIN_VALUE;
  /** Comparable first sightings by band and band bits: {@code BANDS × 65,536} buckets, null when empty. */
  private final Bucket[] buckets = new Bucket[BANDS << BAND_BITS];
  private long streamTime = Long.MIN_VALUE;

  Sightings(WindowStore<String, Sighting> store, long horizonMs, int maxDistance) {
    this.store = store;
    this.horizonMs = horizonMs;
    this.maxDistance = maxDistance;
  }

  /** One stored sighting: an id at a time. */
  static final class Entry {
    final String id;
    final long time;
    Sighting sighting;

    private Entry(String id, long time, Sighting sighting) {
      this.id = id;
      this.time = time;
      this.sighting = sighting;
    }
  }

  /** Indexes everything the store holds. */
  void load() {
    try (KeyValueIterator<Windowed<String>, Sighting> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<Windowed<String>, Sighting> entry = all.next();
        long time = entry.key.window().start();
        advanceTo(time);
        index(entry.key.key(), time, entry.value);
      }
    }
  }

  /** The latest sighting of {@code id} if it is visible and within the horizon of {@code time}, else null. */
  Entry find(String id, long time) {
    Entry entry = latest(id);
    return entry != null && relevant(entry.time, time) ? entry : null;
  }

  /** Writes a sighting of {@code id} at {@code time} (an existing entry at that time is replaced). */
  void put(String id, Sighting sighting, long time) {
    store.put(id, sighting, time);
    advanceTo(time);
    index(id, time, sighting);
  }

  /** Moves stream time up to {@code time}, starting a new generation when it leaves the newer one's horizon. */
  private void advanceTo(long time) {
    if (time <= streamTime) {
      return;
    }
    streamTime = time;
    if (streamTime >= newerEnd) {
      long start = Math.floorDiv(streamTime, horizonMs) * horizonMs;
      // The older generation's entries have all expired now; so have the newer one's unless it is the one before.
      older = start == newerEnd ? newer : new HashMap<>();
      newer = new HashMap<>(older.size() + older.size() / 3 + 1);
      newerStart = start;
      newerEnd = start + horizonMs;
    }
  }

  /** Ids indexed, expired ones not yet let go included: at most two horizons' worth. */
  int indexedIds() {
    return newer.size() + older.size();
  }

  /** The entry of {@code id} with the latest time, expired or not; null when there is none. */
  private Entry latest(String id) {
    Entry entry = newer.get(id);
    return entry != null ? entry : older.get(id);
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
        if (distance <= maxDistance && relevant(bucket.times[i], time)) {
          Entry candidate = bucket.entries[i];
          if (distance < bestDistance || (distance == bestDistance && earlier(candidate, best))) {
            best = candidate;
            bestDistance = distance;
          }
        }
      }
    }
    return best == null ? null : best.id;
  }

  private boolean relevant(long entryTime, long time) {
    return entryTime > streamTime - horizonMs && Math.abs(time - entryTime) <= horizonMs;
  }

  private static boolean earlier(Entry candidate, Entry best) {
    return best == null || candidate.time < best.time
        || (candidate.time == best.time && candidate.id.compareTo(best.id) < 0);
  }

  /** Indexes a sighting unless it has expired (as the store drops it). */
  private void index(String id, long time, Sighting sighting) {
    if (time <= streamTime - horizonMs) {
      return;
    }
    Entry latest = latest(id);
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
      (time >= newerStart ? newer : older).put(id, entry);
    }
    if (isBanded(sighting)) {
      band(entry, true);
    }
  }

  private void band(Entry entry, boolean add) {
    for (int band = 0; band < BANDS; band++) {
      int key = bucket(band, entry.sighting.fingerprint());
      if (add) {
        if (buckets[key] == null) {
          buckets[key] = new Bucket();
        }
        buckets[key].add(entry, streamTime - horizonMs);
      } else if (buckets[key] != null && buckets[key].remove(entry)) {
        buckets[key] = null;
      }
    }
  }

  /**
   * The first sightings sharing one band value, with their fingerprints and times side by side in arrays, so that a
   * lookup compares fingerprints and checks expiry without following a reference per candidate. Order is irrelevant
   * (ties break on time and id).
   */
  private static final class Bucket {
    long[] fingerprints = new long[2];
    long[] times = new long[2];
    Entry[] entries = new Entry[2];
    int size;

    /** Adds {@code entry} after dropping the entries of time {@code expiredUpTo} or earlier. */
    void add(Entry entry, long expiredUpTo) {
      for (int i = size - 1; i >= 0; i--) {
        if (times[i] <= expiredUpTo) {
          removeAt(i);
        }
      }
      if (size == entries.length) {
        fingerprints = Arrays.copyOf(fingerprints, size * 2);
        times = Arrays.copyOf(times, size * 2);
        entries = Arrays.copyOf(entries, size * 2);
      }
      fingerprints[size] = entry.sighting.fingerprint();
      times[size] = entry.time;
      entries[size++] = entry;
    }

    /** Removes {@code entry} if present; true when the bucket is now empty. */
    boolean remove(Entry entry) {
      for (int i = 0; i < size; i++) {
        if (entries[i] == entry) {
          removeAt(i);
          break;
        }
      }
      return size == 0;
    }

    /** Moves the last entry into slot {@code i}. */
    private void removeAt(int i) {
      size--;
      fingerprints[i] = fingerprints[size];
      times[i] = times[size];
      entries[i] = entries[size];
      entries[size] = null;
    }
  }

  private static boolean isBanded(Sighting sighting) {
    return sighting.kind() == Sighting.Kind.FIRST && sighting.comparable();
  }

  private static int bucket(int band, long fingerprint) {
    return band << BAND_BITS | (int) (fingerprint >>> (band * BAND_BITS)) & 0xFFFF;
  }
}
