package io.nhslistener.ingest.synthetic;

import io.nhslistener.ingest.source.Batch;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.source.SourceConnector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic traffic as a source: emits the ticks of a {@link SyntheticMentions} generator as their event times come
 * due on the clock (or all at once up to {@code limit} when {@code paced} is false, for load tests). The position is
 * the next tick, so a restart continues the same sequence.
 */
public final class SyntheticConnector implements SourceConnector {
  private static final int MAX_BATCH = 5000;
  private static final Duration IDLE = Duration.ofMillis(100);

  private final SyntheticMentions generator;
  private final boolean paced;
  private final long limit;
  private final Clock clock;
  private long next;

  /**
   * @param paced true to follow the clock (event time = wall time), false to generate as fast as the runner takes it
   * @param limit ticks to generate before finishing; {@link Long#MAX_VALUE} for endless
   */
  public SyntheticConnector(SyntheticMentions generator, boolean paced, long limit, Clock clock) {
    this.generator = generator;
    this.paced = paced;
    this.limit = limit;
    this.clock = clock;
  }

  @Override
  public void seek(String position) {
    next = position == null ? 0 : Long.parseLong(position);
  }

  @Override
  public Batch poll() {
    Instant now = clock.instant();
    List<Item> items = new ArrayList<>();
    while (items.size() < MAX_BATCH && next < limit && (!paced || !generator.timeOf(next).isAfter(now))) {
      for (SyntheticMentions.Generated generated : generator.tick(next, now)) {
        items.add(new Item.Post(generated.mention(), generated.authorHandle()));
      }
      next++;
    }
    if (items.isEmpty()) {
      return Batch.empty(next >= limit ? Duration.ZERO : IDLE);
    }
    return Batch.of(items, Long.toString(next));
  }

  @Override
  public boolean finished() {
    return next >= limit;
  }

  @Override
  public void close() {
    // Nothing held.
  }
}
