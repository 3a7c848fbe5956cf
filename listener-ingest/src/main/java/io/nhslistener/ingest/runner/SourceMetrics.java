package io.nhslistener.ingest.runner;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters of one source instance, tagged {@code source=<instance id>} (configuration, so the label stays bounded):
 * items fetched, mentions produced, payloads rejected, retries by reason, the time of the last successful fetch and
 * the lag behind the source where the source reports its own time.
 */
public final class SourceMetrics {
  static final String FETCHED = "listener.ingest.fetched";
  static final String PRODUCED = "listener.ingest.produced";
  static final String REJECTED = "listener.ingest.rejected";
  static final String RETRIES = "listener.ingest.retries";
  static final String LAST_FETCH = "listener.ingest.last.fetch";
  static final String LAG = "listener.ingest.lag";

  private final MeterRegistry registry;
  private final String sourceId;
  private final Counter fetched;
  private final Counter produced;
  private final Counter rejected;
  private final ConcurrentMap<String, Counter> retries = new ConcurrentHashMap<>();
  private final AtomicLong lastFetchEpochMs = new AtomicLong();
  private final AtomicLong lagMs = new AtomicLong();

  public SourceMetrics(MeterRegistry registry, String sourceId) {
    this.registry = registry;
    this.sourceId = sourceId;
    this.fetched = Counter.builder(FETCHED).description("Items read from the source (posts and malformed payloads)")
        .tag("source", sourceId).register(registry);
    this.produced = Counter.builder(PRODUCED).description("Mentions committed to listener.mentions.raw")
        .tag("source", sourceId).register(registry);
    this.rejected = Counter.builder(REJECTED).description("Malformed payloads committed to listener.deadletter")
        .tag("source", sourceId).register(registry);
    Gauge.builder(LAST_FETCH, lastFetchEpochMs, value -> value.get() / 1000.0)
        .description("Unix time in seconds of the last successful fetch from the source (0 before the first)")
        .baseUnit("seconds").tag("source", sourceId).register(registry);
    Gauge.builder(LAG, lagMs, value -> value.get() / 1000.0)
        .description("How far behind the source's own clock the newest committed item was, where the source says")
        .baseUnit("seconds").tag("source", sourceId).register(registry);
  }

  /** A batch was committed. */
  void committed(int posts, int malformed, Instant fetchedAt, Instant newestEventTime) {
    fetched.increment(posts + malformed);
    produced.increment(posts);
    rejected.increment(malformed);
    lastFetchEpochMs.set(fetchedAt.toEpochMilli());
    if (newestEventTime != null) {
      lagMs.set(Math.max(0, Duration.between(newestEventTime, fetchedAt).toMillis()));
    }
  }

  /** A poll answered (even with nothing new): the source is reachable. */
  void reached(Instant at) {
    lastFetchEpochMs.set(at.toEpochMilli());
  }

  /** A failure will be retried; {@code reason} is one of {@link ErrorPolicy}'s bounded words. */
  void retry(String reason) {
    retries.computeIfAbsent(reason, r -> Counter.builder(RETRIES)
        .description("Failed fetches or commits that were retried after a back-off, by reason")
        .tag("source", sourceId).tag("reason", r).register(registry)).increment();
  }
}
