package io.nhslistener.streams.dedupe;

import java.time.Duration;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Supplies {@link PointWindowStore}s to {@code Stores.windowStoreBuilder}, which adds Kafka Streams' metering and
 * changelogging around them.
 *
 * @param name the store name, also the changelog topic's suffix
 * @param retention how long entries stay visible after the latest time written; positive
 */
record PointWindowStoreSupplier(String name, Duration retention) implements WindowBytesStoreSupplier {
  /**
   * Segments per retention period: expired entries are dropped a segment at a time, so up to 1/24 more than the
   * retention (one hour of a day) stays in memory, unread, for a map operation once a segment instead of once a write.
   */
  private static final long SEGMENTS_PER_RETENTION = 24;

  PointWindowStoreSupplier {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention of store " + name + " must be positive, was " + retention);
    }
  }

  @Override
  public WindowStore<Bytes, byte[]> get() {
    return new PointWindowStore(name, retentionPeriod(), segmentIntervalMs());
  }

  @Override
  public String metricsScope() {
    return "in-memory-point-window";
  }

  @Override
  public long segmentIntervalMs() {
    return Math.max(1, retentionPeriod() / SEGMENTS_PER_RETENTION);
  }

  /** One millisecond: entries are points in time. */
  @Override
  public long windowSize() {
    return 1;
  }

  @Override
  public boolean retainDuplicates() {
    return false;
  }

  @Override
  public long retentionPeriod() {
    return retention.toMillis();
  }
}
