package io.nhslistener.streams.dedupe;

import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.topic.Topic;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/** The dedupe processor with its changelogged window store, ready for {@code KStream#process}. */
public final class DedupeStage {
  /** Stored sightings are points in time, not windows: one millisecond is the smallest window a store accepts. */
  private static final Duration POINT = Duration.ofMillis(1);

  private DedupeStage() {}

  /**
   * A supplier of {@link DedupeProcessor}s that connects its store, which retains {@code config.horizon()} of event
   * time and is changelogged, so decisions survive a restart.
   */
  public static ProcessorSupplier<String, Mention, String, Mention> processor(DedupeConfig config,
      MeterRegistry registry) {
    DedupeMetrics metrics = new DedupeMetrics(registry);
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, Mention, String, Mention> get() {
        return new DedupeProcessor(config, metrics);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        // No caching: the processor reads through its own index and every write must reach the changelog in order.
        // The changelog is stamped on append: its records carry event time otherwise, and retention would delete
        // the sightings of old mentions before a restart restores them.
        return Set.of(Stores.windowStoreBuilder(supplier(config), Serdes.String(), new SightingSerde())
            .withCachingDisabled()
            .withLoggingEnabled(Topic.STAMPED_ON_APPEND));
      }
    };
  }

  private static WindowBytesStoreSupplier supplier(DedupeConfig config) {
    String name = DedupeProcessor.SIGHTINGS_STORE;
    return config.inMemoryStores()
        ? new PointWindowStoreSupplier(name, config.horizon())
        : Stores.persistentWindowStore(name, config.horizon(), POINT, false);
  }
}
