package io.nhslistener.streams.dedupe;

import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.streams.StreamsSettings;
import java.time.Duration;

/**
 * How the dedupe stage decides.
 *
 * @param horizon how long a first sighting absorbs its echoes (exact duplicates, reposts, near-duplicates); also the
 *     retention of the dedupe stores
 * @param maxDistance largest Hamming distance between SimHash fingerprints that counts as a near-duplicate, 0 to 3 (the
 *     four 16-bit bands of the lookup find every fingerprint within 3 bits)
 * @param minWords fewest words a text needs to be checked for near-duplicates: short texts ("Thank you NHS!") are
 *     independent voices even when identical
 * @param inMemoryStores true for the in-memory {@code PointWindowStore} (faster), false for RocksDB (less heap); both
 *     are changelogged, and the stage's index of the horizon is in memory either way
 */
public record DedupeConfig(Duration horizon, int maxDistance, int minWords, boolean inMemoryStores) {
  /** Most bits two fingerprints may differ by and still be found by the banded lookup. */
  public static final int MAX_FINDABLE_DISTANCE = Sightings.BANDS - 1;

  public DedupeConfig {
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("dedupe horizon must be positive, was " + horizon);
    }
    if (maxDistance < 0 || maxDistance > MAX_FINDABLE_DISTANCE) {
      throw new IllegalArgumentException("SimHash distance must be 0 to " + MAX_FINDABLE_DISTANCE + ", was "
          + maxDistance);
    }
    if (minWords < 1) {
      throw new IllegalArgumentException("near-duplicate minimum words must be at least 1, was " + minWords);
    }
  }

  /**
   * 24 h, distance 3, 8 words and the in-memory store: the defaults of {@link StreamsSettings}.
   */
  public static DedupeConfig defaults() {
    return new DedupeConfig(Duration.ofHours(24), 3, 8, true);
  }

  /** Reads {@code streams.dedupeHorizon}, {@code streams.simhashDistance}, {@code streams.nearDuplicateMinWords} and
   * {@code streams.dedupeStore}. */
  public static DedupeConfig from(ListenerConfig config) {
    return new DedupeConfig(config.get(StreamsSettings.DEDUPE_HORIZON), config.get(StreamsSettings.SIMHASH_DISTANCE),
        config.get(StreamsSettings.NEAR_DUPLICATE_MIN_WORDS), "memory".equals(config.get(StreamsSettings.DEDUPE_STORE)));
  }
}
