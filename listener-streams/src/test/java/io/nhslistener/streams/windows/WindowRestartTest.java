package io.nhslistener.streams.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.MatchedMention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * A window task restarted after a crash, its input all processed before it, still closes its windows: the clock
 * resumes from what the restored store proves it had reached, instead of waiting a grace period of idleness for the
 * wall clock (an hour here, as in the fault scenarios) and then jumping to today's date.
 */
class WindowRestartTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final WindowConfig HOUR_OF_GRACE = new WindowConfig(MINUTE, Duration.ofHours(1), List.of(),
      Duration.ofSeconds(1), Duration.ofSeconds(2));
  private static final Instant EVENTS = Instant.parse("2025-03-03T09:00:05Z");
  private static final long WALL = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final KeyValueStore<String, OrgWindows> windows = Stores.keyValueStoreBuilder(
      Stores.inMemoryKeyValueStore(WindowStage.WINDOW_STORE), Serdes.String(), WindowCodec.orgWindowsSerde())
      .withLoggingDisabled().build();
  private final KeyValueStore<Bytes, byte[]> watchlist = Stores.keyValueStoreBuilder(
      Stores.inMemoryKeyValueStore(WatchlistTable.STORE), Serdes.Bytes(), Serdes.ByteArray())
      .withLoggingDisabled().build();

  @Test
  void aRestartedTaskWithNothingLeftToReadClosesTheWindowsItHeld() {
    MockProcessorContext<String, WindowOutput> before = context(WALL);
    WindowProcessor crashed = processor(before);
    crashed.process(record(WindowTopologyFixture.neutral("ashdown", "m1", EVENTS)));
    // The last mention, an hour and a half later, closes the first window once the settle delay has run; the crash
    // comes first, so nothing was emitted.
    crashed.process(record(WindowTopologyFixture.neutral("ashdown", "closer", EVENTS.plus(Duration.ofMinutes(90)))));
    assertEquals(List.of(), before.forwarded());

    MockProcessorContext<String, WindowOutput> after = context(WALL + 10_000);
    processor(after);
    for (long wall = WALL + 11_000; wall <= WALL + 15_000; wall += 1_000) {
      after.setCurrentSystemTimeMs(wall);
      after.scheduledPunctuators().get(0).getPunctuator().punctuate(wall);
    }

    List<WindowAggregate> closed = after.forwarded().stream()
        .map(forwarded -> ((WindowOutput.Closed) forwarded.record().value()).window()).toList();
    long firstMention = Instant.parse("2025-03-03T09:00:00Z").toEpochMilli();
    WindowAggregate held = closed.stream().filter(window -> window.start() == firstMention).findFirst()
        .orElseThrow(() -> new AssertionError("the first mention's window did not close within 5 s of the restart; "
            + "closed: " + closed.size()));
    assertEquals(1, held.toStats("ashdown").count());
  }

  private MockProcessorContext<String, WindowOutput> context(long wallNow) {
    MockProcessorContext<String, WindowOutput> context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(wallNow);
    for (StateStore store : List.<StateStore>of(windows, watchlist)) {
      if (!store.isOpen()) {
        store.init(context.getStateStoreContext(), store);
      }
      context.addStateStore(store);
    }
    return context;
  }

  private WindowProcessor processor(MockProcessorContext<String, WindowOutput> context) {
    WindowProcessor processor = new WindowProcessor(HOUR_OF_GRACE, 1, WatchlistTable.STORE,
        new WindowMetrics(registry), new DeadLetters(registry, Clock.fixed(Instant.ofEpochMilli(WALL), ZoneOffset.UTC)));
    processor.init(context);
    return processor;
  }

  private static Record<String, MatchedMention> record(MatchedMention mention) {
    return new Record<>(mention.orgId(), mention, mention.mention().createdAt().toEpochMilli());
  }
}
