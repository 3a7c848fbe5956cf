package io.nhslistener.streams.match;

import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.topic.Topics;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The matching processor and the {@code listener.rules} global store that keeps its rules current. */
public final class MatchStage {
  /** The global store of live watches, by organisation id. */
  public static final String RULES_STORE = "match-rules";

  private MatchStage() {}

  /** Supplies matching processors sharing {@code matching}. */
  public static ProcessorSupplier<String, Mention, String, MatchedMention> processor(Matching matching,
      MeterRegistry registry) {
    MatchMeters meters = new MatchMeters(registry, Clock.systemUTC());
    return () -> new MatchProcessor(matching.matcher(), meters);
  }

  /**
   * The global rules store. In memory on purpose: with no local checkpoint, every start restores the whole compacted
   * topic through {@link RulesUpdater}, which is what rebuilds the in-memory Monitor. Global stores take no changelog.
   */
  public static StoreBuilder<KeyValueStore<String, Watch>> rulesStore() {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RULES_STORE), Topics.RULES.keySerde(),
        Topics.RULES.valueSerde()).withLoggingDisabled();
  }

  /**
   * Supplies the global-store processor that applies rule changes to {@code matching}'s rule book. It takes the raw
   * value bytes of {@code listener.rules} (see {@link RulesUpdater} for why).
   */
  public static ProcessorSupplier<String, byte[], Void, Void> rulesUpdater(Matching matching, MeterRegistry registry) {
    return () -> new RulesUpdater(matching.rules(), RULES_STORE, registry);
  }
}
