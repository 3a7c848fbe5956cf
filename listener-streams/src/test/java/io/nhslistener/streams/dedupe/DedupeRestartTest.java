package io.nhslistener.streams.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.model.Mention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A processor that starts over a store written by an earlier one (as after a restart or a task move, once Kafka
 * Streams has restored the store) makes exactly the decisions of one that never stopped.
 */
class DedupeRestartTest {
  private static final Mention[] STREAM = RawMentionWorkload.generate(6_000, 3);
  private static final long START = 1_772_409_600_000L;
  /** One mention a second: the 1 h horizon spans 3,600 mentions, so entries expire during the run. */
  private static final long GAP_MS = 1_000;

  @TempDir Path stateDir;

  private final class Run {
    final MockProcessorContext<String, Mention> context;
    final ProcessorSupplier<String, Mention, String, Mention> supplier;
    final List<String> forwarded = new ArrayList<>();

    Run(boolean inMemory, Path dir) throws IOException {
      Files.createDirectories(dir);
      context = new MockProcessorContext<>(new Properties(), new TaskId(0, 0), dir.toFile());
      supplier = DedupeStage.processor(new DedupeConfig(Duration.ofHours(1), 3, 8, inMemory), new SimpleMeterRegistry());
      for (StoreBuilder<?> builder : supplier.stores()) {
        StateStore store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
      }
    }

    /** Processes mentions {@code from} (inclusive) to {@code to} with a fresh processor over this run's store. */
    void process(int from, int to) {
      Processor<String, Mention, String, Mention> processor = supplier.get();
      processor.init(context);
      for (int i = from; i < to; i++) {
        processor.process(new Record<>(STREAM[i].id(), STREAM[i], START + i * GAP_MS));
      }
      context.forwarded().forEach(f -> forwarded.add(f.record().key() + (f.record().value().retraction() ? "!" : "")));
      context.resetForwards();
      processor.close();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void decisionsAfterARestartAreTheDecisionsWithoutOne(boolean inMemory) throws IOException {
    Run uninterrupted = new Run(inMemory, stateDir.resolve("a"));
    uninterrupted.process(0, STREAM.length);
    Run restarted = new Run(inMemory, stateDir.resolve("b"));
    restarted.process(0, 2_500);
    restarted.process(2_500, 4_100);
    restarted.process(4_100, STREAM.length);
    assertTrue(uninterrupted.forwarded.size() < STREAM.length * 0.8,
        "the workload has echoes to absorb: " + uninterrupted.forwarded.size());
    assertEquals(uninterrupted.forwarded, restarted.forwarded);
  }
}
