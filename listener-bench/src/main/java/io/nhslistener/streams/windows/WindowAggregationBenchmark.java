package io.nhslistener.streams.windows;

import io.nhslistener.bench.BenchData;
import io.nhslistener.core.model.MatchedMention;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The window stage's work per matched mention, one mention per operation, for an organisation whose open window
 * already holds {@code inWindow} mentions (a quiet trust, a busy one, one in a storm):
 * <ul>
 *   <li>{@code add}: counting the mention into the window ({@link WindowAggregate#add}: sentiment, author sketch,
 *       term counter, samples, sources);
 *   <li>{@code storeRewrite}: what the processor does around it, reading the organisation's state from its store
 *       bytes ({@link WindowCodec}), adding the mention and writing the state back.
 * </ul>
 * Lives in the stage's package because the aggregate and codec are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WindowAggregationBenchmark {
  private static final int MENTIONS = 1_000;
  private static final long SIZE = 60_000;
  private static final String TOPIC = "t";

  @Param({"10", "100", "1000"})
  public int inWindow;

  private final Serde<OrgWindows> serde = WindowCodec.orgWindowsSerde();
  private MatchedMention[] matched;
  private WindowAggregate aggregate;
  private byte[] stored;
  private int next;

  @Setup(Level.Iteration)
  public void setUp() {
    List<MatchedMention> records = BenchData.matched(BenchData.mentions(MENTIONS));
    matched = records.toArray(MatchedMention[]::new);
    aggregate = new WindowAggregate(0, SIZE);
    OrgWindows org = OrgWindows.startingAt(0);
    for (int i = 0; i < inWindow; i++) {
      aggregate.add(matched[i % MENTIONS]);
      org.windowAt(0, SIZE).add(matched[i % MENTIONS]);
    }
    stored = serde.serializer().serialize(TOPIC, org);
  }

  private MatchedMention nextMention() {
    next = next + 1 == MENTIONS ? 0 : next + 1;
    return matched[next];
  }

  @Benchmark
  public WindowAggregate add() {
    aggregate.add(nextMention());
    return aggregate;
  }

  @Benchmark
  public byte[] storeRewrite() {
    OrgWindows org = serde.deserializer().deserialize(TOPIC, stored);
    org.windowAt(0, SIZE).add(nextMention());
    // Written back but not kept: every operation starts from the same state, so the window does not grow.
    return serde.serializer().serialize(TOPIC, org);
  }
}
