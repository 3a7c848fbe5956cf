package io.nhslistener.streams.dedupe;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.model.Mention;
import io.nhslistener.streams.match.CpuClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dedupe decision for one raw mention ({@link DedupeProcessor#process}) with its real window store
 * (in-memory or RocksDB, 24 h horizon) and the in-memory index over it, with {@link RawMentionWorkload}'s mix of new posts, redeliveries, reposts and
 * near-duplicates. Event time advances one second per mention, so the horizon holds 86,400 mentions, the traffic of a
 * busy day; the 200,000-mention cycle spans 55 h, so ids seen in the previous cycle have expired when they come back.
 * Changelog writes are not included (the store runs with logging disabled under the mock context): in the topology
 * each store write is also one changelog record handed to the producer. One thread: the figure is per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class DedupeBenchmark {
  private static final int CYCLE = 200_000;
  private static final long START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
  private static final long EVENT_GAP_MS = 1_000;

  /** Dedupe store kind: {@code memory} or {@code rocksdb} ({@code streams.dedupeStore}). */
  @Param({"memory", "rocksdb"})
  public String store;

  private Mention[] mentions;
  private MockProcessorContext<String, Mention> context;
  private Processor<String, Mention, String, Mention> processor;
  private Path stateDir;
  private long sequence;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    mentions = RawMentionWorkload.generate(CYCLE, 42);
    stateDir = Files.createTempDirectory("dedupe-bench");
    context = new MockProcessorContext<>(new Properties(), new TaskId(0, 0), stateDir.toFile());
    DedupeConfig config = new DedupeConfig(Duration.ofHours(24), 3, 8, "memory".equals(store));
    ProcessorSupplier<String, Mention, String, Mention> supplier =
        DedupeStage.processor(config, new SimpleMeterRegistry());
    for (StoreBuilder<?> builder : supplier.stores()) {
      StateStore built = builder.withLoggingDisabled().build();
      built.init(context.getStateStoreContext(), built);
      context.addStateStore(built);
    }
    processor = supplier.get();
    processor.init(context);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    processor.close();
    StateStore sightings = context.getStateStore(DedupeProcessor.SIGHTINGS_STORE);
    sightings.close();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(DedupeBenchmark::delete);
    }
  }

  @Benchmark
  public void dedupe(CpuClock cpu) {
    Mention mention = mentions[(int) (sequence % CYCLE)];
    processor.process(new Record<>(mention.id(), mention, START + sequence * EVENT_GAP_MS));
    if ((++sequence & 4095) == 0) {
      context.resetForwards();
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
