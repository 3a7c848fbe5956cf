package io.nhslistener.streams.dedupe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Mention;
import io.nhslistener.streams.StagesFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The point-in-time window store answers every read as Kafka's own in-memory window store would after the same writes,
 * expiry included, and rebuilds its contents from the changelog Kafka Streams writes for it.
 */
class PointWindowStoreTest {
  private static final long RETENTION_MS = 1_000;
  private static final String STORE = "points";

  @TempDir Path stateDir;

  /** A store of either kind, initialised. */
  private WindowStore<Bytes, byte[]> init(WindowStore<Bytes, byte[]> store) {
    MockProcessorContext<Object, Object> context =
        new MockProcessorContext<>(new Properties(), new TaskId(0, 0), stateDir.toFile());
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  @Test
  void answersEveryReadAsKafkasInMemoryWindowStoreDoes() {
    WindowStore<Bytes, byte[]> reference = init(Stores.inMemoryWindowStore(STORE, Duration.ofMillis(RETENTION_MS),
        Duration.ofMillis(1), false).get());
    WindowStore<Bytes, byte[]> points = init(new PointWindowStore(STORE, RETENTION_MS, 100));
    SplittableRandom random = new SplittableRandom(7);
    long clock = 10_000;
    int deletes = 0;
    for (int op = 0; op < 20_000; op++) {
      // Mostly forward in time, sometimes late (within and beyond the retention), sometimes at a time seen before.
      clock += random.nextInt(4);
      long time = random.nextInt(10) == 0 ? clock - random.nextInt((int) RETENTION_MS * 2) : clock;
      Bytes key = key(random.nextInt(40));
      byte[] value = random.nextInt(8) == 0 ? null : new byte[] {(byte) op, (byte) (op >> 8)};
      deletes += value == null ? 1 : 0;
      reference.put(key, value, time);
      points.put(key, value, time);
      if (op % 97 == 0) {
        assertSameReads(reference, points, random, clock);
      }
    }
    assertTrue(deletes > 1_000, "the run deletes as well as writes: " + deletes);
    assertTrue(snapshot(points.all(), PointWindowStoreTest::window).size() > 100, "the run ends with live entries");
  }

  private static void assertSameReads(WindowStore<Bytes, byte[]> reference, WindowStore<Bytes, byte[]> points,
      SplittableRandom random, long clock) {
    assertEquals(snapshot(reference.all(), PointWindowStoreTest::window), snapshot(points.all(), PointWindowStoreTest::window));
    assertEquals(snapshot(reference.backwardAll(), PointWindowStoreTest::window),
        snapshot(points.backwardAll(), PointWindowStoreTest::window));
    long from = clock - random.nextInt((int) RETENTION_MS * 2);
    long to = from + random.nextInt(600);
    Bytes low = key(random.nextInt(20));
    Bytes high = key(20 + random.nextInt(20));
    assertEquals(snapshot(reference.fetch(low, high, from, to), PointWindowStoreTest::window),
        snapshot(points.fetch(low, high, from, to), PointWindowStoreTest::window));
    assertEquals(snapshot(reference.backwardFetch(low, high, from, to), PointWindowStoreTest::window),
        snapshot(points.backwardFetch(low, high, from, to), PointWindowStoreTest::window));
    assertEquals(snapshot(reference.fetchAll(from, to), PointWindowStoreTest::window),
        snapshot(points.fetchAll(from, to), PointWindowStoreTest::window));
    assertEquals(snapshot(reference.fetch(low, from, to), Function.identity()),
        snapshot(points.fetch(low, from, to), Function.identity()));
    assertEquals(snapshot(reference.backwardFetch(low, from, to), Function.identity()),
        snapshot(points.backwardFetch(low, from, to), Function.identity()));
    for (int probe = 0; probe < 20; probe++) {
      Bytes key = key(random.nextInt(40));
      long time = clock - random.nextInt((int) RETENTION_MS * 2);
      assertArrayEquals(reference.fetch(key, time), points.fetch(key, time), "fetch " + key + " at " + time);
    }
  }

  @Test
  void anEntryExpiresWhenTheLatestTimeIsOneRetentionLater() {
    for (WindowStore<Bytes, byte[]> store : List.of(
        init(Stores.inMemoryWindowStore(STORE, Duration.ofMillis(RETENTION_MS), Duration.ofMillis(1), false).get()),
        init(new PointWindowStore(STORE, RETENTION_MS, 100)))) {
      store.put(key(1), new byte[] {1}, 5_000);
      store.put(key(2), new byte[] {2}, 5_000 + RETENTION_MS - 1);
      assertArrayEquals(new byte[] {1}, store.fetch(key(1), 5_000), store.getClass().getSimpleName());
      store.put(key(2), new byte[] {3}, 5_000 + RETENTION_MS);
      assertEquals(null, store.fetch(key(1), 5_000), store.getClass().getSimpleName());
      store.put(key(3), new byte[] {4}, 5_000);
      assertEquals(null, store.fetch(key(3), 5_000), "a write at the expired time is dropped");
      assertEquals(2, snapshot(store.all(), PointWindowStoreTest::window).size());
    }
  }

  @Test
  void rebuildsTheDedupeStoreFromTheChangelogKafkaStreamsWroteForIt(@TempDir Path topologyDir) {
    List<Entry> live = new ArrayList<>();
    List<KeyValue<byte[], byte[]>> changelog;
    // A one-hour horizon over 6,000 mentions a second apart: sightings expire during the run.
    try (StagesFixture stages = StagesFixture.dedupe(new DedupeConfig(Duration.ofHours(1), 3, 8, true), topologyDir)) {
      Instant start = Instant.parse("2026-03-02T00:00:00Z");
      Mention[] mentions = RawMentionWorkload.generate(6_000, 11);
      for (int i = 0; i < mentions.length; i++) {
        stages.raw.pipeInput(mentions[i].id(), mentions[i], start.plusSeconds(i));
      }
      WindowStore<String, Sighting> store = stages.driver.getWindowStore(DedupeProcessor.SIGHTINGS_STORE);
      try (KeyValueIterator<Windowed<String>, Sighting> all = store.all()) {
        all.forEachRemaining(e -> live.add(new Entry(e.key.key(), e.key.window().start(), e.value)));
      }
      changelog = stages.driver.createOutputTopic("stages-test-" + DedupeProcessor.SIGHTINGS_STORE + "-changelog",
          new ByteArrayDeserializer(), new ByteArrayDeserializer()).readKeyValuesToList();
    }
    PointWindowStore restored = new PointWindowStore(STORE, Duration.ofHours(1).toMillis(), 150_000);
    changelog.forEach(record -> restored.restore(record.key, record.value));
    SightingSerde serde = new SightingSerde();
    List<Entry> rebuilt = new ArrayList<>();
    try (KeyValueIterator<Windowed<Bytes>, byte[]> all = restored.all()) {
      all.forEachRemaining(e -> rebuilt.add(new Entry(new String(e.key.key().get(), StandardCharsets.UTF_8),
          e.key.window().start(), serde.deserialize("", e.value))));
    }
    assertTrue(changelog.size() > live.size(), "expired sightings are in the changelog but not live: "
        + changelog.size() + " records, " + live.size() + " live");
    assertTrue(live.size() > 3_000, "an hour of sightings is live: " + live.size());
    assertEquals(live, rebuilt);
  }

  @Test
  void refusesAChangelogKeyTooShortToHoldATime() {
    PointWindowStore store = new PointWindowStore(STORE, RETENTION_MS, 100);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> store.restore(new byte[11], new byte[1]));
    assertTrue(error.getMessage().contains("11 bytes"), error.getMessage());
  }

  private record Entry(String id, long time, Sighting sighting) {}

  /** A windowed key by content: Kafka's windows are equal only to windows of their own class. */
  private static List<Object> window(Windowed<Bytes> key) {
    return List.of(key.key(), key.window().start(), key.window().end());
  }

  private static Bytes key(int n) {
    return Bytes.wrap(("k" + (char) ('A' + n)).getBytes(StandardCharsets.UTF_8));
  }

  /** Reads an iterator to the end, closing it, with its keys mapped; values as lists, which compare by content. */
  private static <K, T> List<KeyValue<T, List<Byte>>> snapshot(KeyValueIterator<K, byte[]> iterator,
      Function<K, T> keyOf) {
    List<KeyValue<T, List<Byte>>> entries = new ArrayList<>();
    try (iterator) {
      iterator.forEachRemaining(entry -> entries.add(KeyValue.pair(keyOf.apply(entry.key), bytes(entry.value))));
    }
    return entries;
  }

  private static List<Byte> bytes(byte[] value) {
    List<Byte> list = new ArrayList<>(value.length);
    for (byte b : value) {
      list.add(b);
    }
    return list;
  }
}
