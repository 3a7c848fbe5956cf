package io.nhslistener.ingest.replay;

import io.nhslistener.core.model.Mention;
import io.nhslistener.ingest.format.ItemReader;
import io.nhslistener.ingest.format.PayloadFormat;
import io.nhslistener.ingest.format.PrefetchingItemReader;
import io.nhslistener.ingest.source.Batch;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.source.SourceConnector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a captured file — {@code Mention} JSON lines or any connector's wire format — as a source: at full speed
 * ({@code speed = 0}) or paced by the posts' own times divided by {@code speed} (1 = real time, 60 = an hour a
 * minute), keeping the original event times or shifting them so that the first post happens now. Every replayed post
 * is ingested now. The position is the number of items consumed, so a restarted replay carries on where it stopped.
 * This is what the demo and the throughput benchmark drive. The file is parsed ahead on its own thread.
 */
public final class ReplayConnector implements SourceConnector {
  private static final Duration MAX_PAUSE = Duration.ofMillis(500);

  private final Path file;
  private final PayloadFormat format;
  private final double speed;
  private final boolean shiftToNow;
  private final int batchSize;
  private final Clock clock;
  private ItemReader reader;
  private long consumed;
  private long skip;
  private Item pending;
  private Instant firstEventTime;
  private Instant startedAt;
  private boolean finished;

  private ReplayConnector(Builder builder) {
    this.file = builder.file;
    this.format = builder.format;
    this.speed = builder.speed;
    this.shiftToNow = builder.shiftToNow;
    this.batchSize = builder.batchSize;
    this.clock = builder.clock;
  }

  /** A replay of {@code file} in {@code format}; by default at full speed, original times, 20,000 items a batch. */
  public static Builder builder(Path file, PayloadFormat format) {
    return new Builder(file, format);
  }

  @Override
  public void seek(String position) {
    closeReader();
    skip = position == null ? 0 : Long.parseLong(position);
    consumed = 0;
    pending = null;
    finished = false;
    firstEventTime = null;
  }

  @Override
  public Batch poll() throws IOException {
    if (reader == null) {
      open();
    }
    List<Item> items = new ArrayList<>(Math.min(batchSize, 1024));
    Instant now = clock.instant();
    while (items.size() < batchSize) {
      Item item = pending != null ? pending : reader.next();
      pending = null;
      if (item == null) {
        finished = true;
        break;
      }
      if (item instanceof Item.Post post) {
        Instant due = due(post.mention().createdAt());
        if (due.isAfter(now)) {
          pending = item;
          Duration wait = Duration.between(now, due);
          return new Batch(items, Long.toString(consumed), wait.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : wait, null);
        }
        item = new Item.Post(retimed(post.mention(), now), post.authorHandle());
      }
      items.add(item);
      consumed++;
    }
    return Batch.of(items, Long.toString(consumed));
  }

  @Override
  public boolean finished() {
    return finished;
  }

  @Override
  public void close() {
    closeReader();
  }

  private void open() throws IOException {
    InputStream in = Files.newInputStream(file);
    reader = new PrefetchingItemReader(format.open(in, clock), "replay-reader", 1000, 64);
    startedAt = clock.instant();
    while (consumed < skip && reader.next() != null) {
      consumed++;
    }
  }

  /** When a post with this event time is due under the replay's pace. */
  private Instant due(Instant createdAt) {
    if (firstEventTime == null) {
      firstEventTime = createdAt;
    }
    if (speed <= 0) {
      return startedAt;
    }
    long offsetMs = Duration.between(firstEventTime, createdAt).toMillis();
    return startedAt.plusMillis(Math.max(0, (long) (offsetMs / speed)));
  }

  private Mention retimed(Mention mention, Instant now) {
    Mention.Builder copy = mention.toBuilder().ingestedAt(now);
    if (shiftToNow) {
      copy.createdAt(mention.createdAt().plus(Duration.between(firstEventTime, startedAt)));
    }
    return copy.build();
  }

  private void closeReader() {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        // Read-only file: nothing is lost when closing it fails.
      }
      reader = null;
    }
  }

  /** Options of a replay. */
  public static final class Builder {
    private final Path file;
    private final PayloadFormat format;
    private double speed;
    private boolean shiftToNow;
    private int batchSize = 20_000;
    private Clock clock = Clock.systemUTC();

    private Builder(Path file, PayloadFormat format) {
      this.file = file;
      this.format = format;
    }

    /** 0 for as fast as possible, else the factor by which the recorded timeline is sped up. */
    public Builder speed(double value) {
      if (value < 0 || Double.isNaN(value)) {
        throw new IllegalArgumentException("speed must be 0 (as fast as possible) or positive");
      }
      speed = value;
      return this;
    }

    /** True to move event times so that the first replayed post happens at the replay's start. */
    public Builder shiftToNow(boolean value) {
      shiftToNow = value;
      return this;
    }

    public Builder batchSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("batch size must be positive");
      }
      batchSize = value;
      return this;
    }

    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    public ReplayConnector build() {
      return new ReplayConnector(this);
    }
  }
}
