package io.nhslistener.streams.dedupe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Finds an earlier first sighting whose SimHash fingerprint is within a few bits of a new one, inside the horizon.
 *
 * <p>Banded lookup: the 64 bits are cut into {@value #BANDS} bands of 16. Two fingerprints at most 3 bits apart agree
 * exactly on at least one band (pigeonhole), so each first sighting is stored once per band under the key
 * {@code [band, band bits]}, and a lookup reads the four buckets of the new fingerprint and compares whole
 * fingerprints. The store keeps duplicates (many sightings share a bucket) and expires entries with the horizon.
 */
final class NearDuplicateIndex {
  static final int BANDS = 4;
  private static final int BAND_BITS = 64 / BANDS;

  private final WindowStore<Bytes, byte[]> store;
  private final long horizonMs;
  private final int maxDistance;

  NearDuplicateIndex(WindowStore<Bytes, byte[]> store, long horizonMs, int maxDistance) {
    this.store = store;
    this.horizonMs = horizonMs;
    this.maxDistance = maxDistance;
  }

  /**
   * The id of the first sighting with the closest fingerprint within the distance limit, among those within the
   * horizon of {@code time}; on a tie, the earliest. Null when there is none.
   */
  String findNear(long fingerprint, long time) {
    byte[] best = null;
    int bestDistance = maxDistance + 1;
    long bestTime = Long.MAX_VALUE;
    for (int band = 0; band < BANDS; band++) {
      try (WindowStoreIterator<byte[]> candidates =
          store.fetch(bucket(band, fingerprint), Math.max(0, time - horizonMs), time + horizonMs)) {
        while (candidates.hasNext()) {
          KeyValue<Long, byte[]> candidate = candidates.next();
          int distance = SimHasher.distance(fingerprint, ByteBuffer.wrap(candidate.value).getLong());
          if (distance < bestDistance || (distance == bestDistance && candidate.key < bestTime)) {
            best = candidate.value;
            bestDistance = distance;
            bestTime = candidate.key;
          }
        }
      }
    }
    return best == null ? null : new String(best, Long.BYTES, best.length - Long.BYTES, StandardCharsets.UTF_8);
  }

  /** Indexes a first sighting's fingerprint at {@code time}. */
  void add(long fingerprint, String firstId, long time) {
    byte[] id = firstId.getBytes(StandardCharsets.UTF_8);
    byte[] value = ByteBuffer.allocate(Long.BYTES + id.length).putLong(fingerprint).put(id).array();
    for (int band = 0; band < BANDS; band++) {
      store.put(bucket(band, fingerprint), value, time);
    }
  }

  private static Bytes bucket(int band, long fingerprint) {
    int bits = (int) (fingerprint >>> (band * BAND_BITS)) & 0xFFFF;
    return Bytes.wrap(new byte[] {(byte) band, (byte) (bits >>> 8), (byte) bits});
  }
}
