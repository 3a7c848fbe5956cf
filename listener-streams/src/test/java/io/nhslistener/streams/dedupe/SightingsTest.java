package io.nhslistener.streams.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index lets expired ids go a generation at a time, so it never holds more than two horizons of them. */
class SightingsTest {
  private static final long HORIZON_MS = 1_000;

  @TempDir Path stateDir;

  @Test
  void holdsAtMostTwoHorizonsOfIdsAndFindsOnlyLiveOnes() {
    WindowStore<String, Sighting> store = Stores.windowStoreBuilder(
        new PointWindowStoreSupplier("sightings", Duration.ofMillis(HORIZON_MS)), Serdes.String(),
        new SightingSerde()).withLoggingDisabled().withCachingDisabled().build();
    MockProcessorContext<Object, Object> context =
        new MockProcessorContext<>(new Properties(), new TaskId(0, 0), stateDir.toFile());
    store.init(context.getStateStoreContext(), store);
    Sightings sightings = new Sightings(store, HORIZON_MS, 3);
    int mostIndexed = 0;
    // One id a millisecond for ten horizons, starting mid-horizon.
    for (long time = 10_500; time < 20_500; time++) {
      sightings.put("id-" + time, Sighting.first(), time);
      mostIndexed = Math.max(mostIndexed, sightings.indexedIds());
      long oldestLive = Math.max(10_500, time - HORIZON_MS + 1);
      assertNotNull(sightings.find("id-" + oldestLive, time), "live at " + time);
      assertNull(sightings.find("id-" + (time - HORIZON_MS), time), "expired at " + time);
    }
    assertTrue(mostIndexed <= 2 * HORIZON_MS, "indexed at most two horizons of ids: " + mostIndexed);
    assertTrue(mostIndexed > HORIZON_MS, "expired ids are let go a generation at a time: " + mostIndexed);
    int stored = 0;
    try (KeyValueIterator<Windowed<String>, Sighting> all = store.all()) {
      for (; all.hasNext(); all.next()) {
        stored++;
      }
    }
    assertEquals(HORIZON_MS, stored, "the store returns the live horizon");
  }
}
