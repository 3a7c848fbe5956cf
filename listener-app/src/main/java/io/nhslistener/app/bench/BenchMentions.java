package io.nhslistener.app.bench;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Watch;
import io.nhslistener.ingest.source.Batch;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.source.SourceConnector;
import io.nhslistener.streams.match.workload.MentionGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's load as an ingest source: synthetic posts from the matching benchmarks' {@link MentionGenerator}
 * (everyday NHS talk; about a quarter name a place and a service, one in twenty a watched organisation), stamped with
 * this run's ids and the current time as both event and ingest time, with a made-up author handle for the runner to
 * pseudonymise. One post in {@value #REPOST_PERCENT} per hundred reposts a recent one, so dedupe absorbs echoes as it
 * would in real traffic. Early in the run, each burst organisation gets {@link #BURST_PER_ORG} extra posts naming it,
 * spread over {@link #BURST_NANOS}, which the detectors see as a volume spike.
 *
 * <p>Paced at a rate (posts due by the elapsed time, handed over every 20 ms), or as fast as the runner takes them. Finishes after a count, at
 * a deadline, or when {@link #finish()} is called. Used by the ingest runner's thread; {@link #finish()} and the
 * counters may be read from any thread.
 */
final class BenchMentions implements SourceConnector {
  static final int BURST_PER_ORG = 150;
  static final long BURST_NANOS = 5_000_000_000L;
  private static final int REPOST_PERCENT = 3;
  private static final int CHUNK = 1_000;
  private static final int MAX_BATCH = 5_000;
  private static final int AUTHORS = 50_000;
  private static final int RECENT = 1_000;
  /** At a rate, posts are handed over in batches this far apart, as a streaming source delivers several at once. */
  private static final long PACED_BATCH_NANOS = 20_000_000L;
  private static final long BURST_DELAY_NANOS = 2_000_000_000L;

  private final List<Watch> watches;
  private final List<Watch> bursting;
  private final String runTag;
  private final long seed;
  private final double rate;
  private final long limit;
  private final long deadlineNanos;
  private final Clock clock;
  private final SplittableRandom random;
  private final Deque<Mention> generated = new ArrayDeque<>();
  private final String[] recentIds = new String[RECENT];

  private long startNanos = -1;
  private long lastBatchNanos;
  private long chunks;
  private long burstSent;
  private volatile long produced;
  private volatile boolean finishing;

  /**
   * @param rate posts per second, or 0 for as fast as possible
   * @param limit posts to produce before finishing, or {@link Long#MAX_VALUE}
   * @param deadlineNanos {@link System#nanoTime()} after which nothing more is produced, or {@link Long#MAX_VALUE}
   */
  BenchMentions(BenchWorkload workload, String runTag, long seed, double rate, long limit, long deadlineNanos,
      Clock clock) {
    this.watches = workload.watches();
    this.bursting = workload.spiking();
    this.runTag = runTag;
    this.seed = seed;
    this.rate = rate;
    this.limit = limit;
    this.deadlineNanos = deadlineNanos;
    this.clock = clock;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void seek(String position) {
    // After a failure the runner resumes from its committed count; the texts that follow are fresh ones, and a burst
    // in progress carries on where it was.
    produced = position == null ? 0 : Long.parseLong(position);
    generated.clear();
  }

  @Override
  public Batch poll() {
    long now = System.nanoTime();
    if (startNanos < 0) {
      startNanos = now;
    }
    long regular = Math.min(MAX_BATCH, due(now));
    long burst = Math.min(MAX_BATCH, burstDue(now));
    if (rate > 0 && now - lastBatchNanos < PACED_BATCH_NANOS && regular < MAX_BATCH) {
      // One transaction per post would measure the transaction coordinator, not the pipeline.
      return Batch.empty(Duration.ofNanos(PACED_BATCH_NANOS - (now - lastBatchNanos)));
    }
    if (regular + burst <= 0) {
      return Batch.empty(Duration.ofNanos(PACED_BATCH_NANOS));
    }
    lastBatchNanos = now;
    Instant at = clock.instant();
    List<Item> items = new ArrayList<>((int) (regular + burst));
    for (long i = 0; i < regular; i++) {
      items.add(post(next(), at));
    }
    for (long i = 0; i < burst; i++) {
      Watch watch = bursting.get((int) (burstSent % bursting.size()));
      Mention base = next();
      items.add(post(base.toBuilder().text(watch.org().name() + " " + base.text()).build(), at));
      burstSent++;
    }
    return Batch.of(items, Long.toString(produced));
  }

  /** Regular posts to produce now: what the rate allows by the elapsed time, or a batch at full speed. */
  private long due(long now) {
    if (finishing || now >= deadlineNanos) {
      return 0;
    }
    long regular = produced - burstSent;
    long left = limit - regular;
    if (rate <= 0) {
      return left;
    }
    long allowed = (long) ((now - startNanos) * rate / 1e9);
    return Math.min(left, allowed - regular);
  }

  private long burstDue(long now) {
    long total = (long) bursting.size() * BURST_PER_ORG;
    if (finishing || total == 0 || now < startNanos + BURST_DELAY_NANOS) {
      return 0;
    }
    double share = Math.min(1.0, (now - startNanos - BURST_DELAY_NANOS) / (double) BURST_NANOS);
    return (long) (total * share) - burstSent;
  }

  private Item post(Mention mention, Instant at) {
    long n = produced++;
    String id = mention.source() + ":" + runTag + "-" + n;
    Mention.Builder post = mention.toBuilder().id(id).createdAt(at).ingestedAt(at);
    int slot = (int) (n % RECENT);
    if (n >= RECENT && random.nextInt(100) < REPOST_PERCENT) {
      post.repostOf(recentIds[slot]);
    }
    recentIds[slot] = id;
    return new Item.Post(post.build(), "user" + random.nextInt(AUTHORS));
  }

  private Mention next() {
    if (generated.isEmpty()) {
      generated.addAll(MentionGenerator.generate(CHUNK, watches, seed + 31 * ++chunks));
    }
    return generated.poll();
  }

  /** Stops producing: the next poll returns nothing and the source reports itself finished. */
  void finish() {
    finishing = true;
  }

  /** Posts produced so far (handed to the runner; committed once its transaction commits). */
  long produced() {
    return produced;
  }

  @Override
  public boolean finished() {
    return finishing || produced - burstSent >= limit || System.nanoTime() >= deadlineNanos;
  }

  @Override
  public void close() {
    // Nothing held.
  }
}
