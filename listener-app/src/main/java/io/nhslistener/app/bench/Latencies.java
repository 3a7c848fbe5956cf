package io.nhslistener.app.bench;

/**
 * A latency histogram in constant memory: logarithmic buckets 1 % wide from 1 µs to about 17 minutes, so percentiles
 * are exact to within 1 % whatever the count. Negative latencies (clocks of two threads a microsecond apart) count
 * as zero. Thread-safe by synchronisation; one recording thread is the expected use.
 */
final class Latencies {
  private static final double GROWTH = 1.01;
  private static final double LOG_GROWTH = Math.log(GROWTH);
  private static final int BUCKETS = 2_100;

  private final long[] counts = new long[BUCKETS];
  private long total;
  private long maxMicros;

  synchronized void record(long micros) {
    long value = Math.max(0, micros);
    counts[bucket(value)]++;
    total++;
    maxMicros = Math.max(maxMicros, value);
  }

  synchronized long count() {
    return total;
  }

  /**
   * The latency at quantile {@code q} (0..1) in milliseconds: the upper bound of the bucket holding it, or NaN when
   * nothing was recorded.
   */
  synchronized double quantileMillis(double q) {
    if (total == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int b = 0; b < BUCKETS; b++) {
      seen += counts[b];
      if (seen >= Math.max(1, rank)) {
        return Math.min(upperMicros(b), maxMicros) / 1000.0;
      }
    }
    return maxMicros / 1000.0;
  }

  synchronized double maxMillis() {
    return total == 0 ? Double.NaN : maxMicros / 1000.0;
  }

  private static int bucket(long micros) {
    if (micros <= 1) {
      return 0;
    }
    return (int) Math.min(BUCKETS - 1, Math.ceil(Math.log(micros) / LOG_GROWTH));
  }

  private static double upperMicros(int bucket) {
    return Math.pow(GROWTH, bucket);
  }
}
