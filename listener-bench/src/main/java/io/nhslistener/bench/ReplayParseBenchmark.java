package io.nhslistener.bench;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.ingest.replay.MentionLineParser;
import io.nhslistener.ingest.source.Item;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay's parsing of one {@code Mention} JSON line ({@link MentionLineParser#parse}), one line per operation: the
 * per-record cost of {@code --format mention} replays and backfills before privacy and producing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplayParseBenchmark {
  private static final int LINES = 1_000;

  private final MentionLineParser parser = new MentionLineParser();
  private byte[][] lines;
  private int next;

  @Setup
  public void setUp() {
    List<Mention> mentions = BenchData.mentions(LINES);
    lines = new byte[LINES][];
    for (int i = 0; i < LINES; i++) {
      lines[i] = Topics.MENTIONS_RAW.valueSerde().serializer().serialize("t", mentions.get(i));
    }
  }

  @Benchmark
  public Item parse() {
    next = next + 1 == LINES ? 0 : next + 1;
    return parser.parse(lines[next]);
  }
}
