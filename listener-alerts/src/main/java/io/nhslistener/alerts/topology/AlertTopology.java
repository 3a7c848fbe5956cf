package io.nhslistener.alerts.topology;

import io.nhslistener.core.model.Watch;
import io.nhslistener.core.topic.Topic;
import io.nhslistener.core.topic.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The alerts role's detection topology:
 *
 * <pre>
 * listener.org.stats ─ alerts-source-stats ─ alerts-detect [alerts-state, alerts-recent]
 *   ─ alerts-sink ─ listener.alerts
 * listener.rules ─ alerts-source-rules ─ alerts-watchlist-update ─ global store alerts-watchlist
 * </pre>
 *
 * <p>Per organisation (the key of both topics), each base window (length {@code alerts.window}) is judged by an
 * {@link io.nhslistener.alerts.detect.OrgAlertDetector} restored from {@value #STATE_STORE} (persistent, changelogged)
 * with the settings of the organisation's watch, or {@link io.nhslistener.core.model.AlertSettings#DEFAULTS} when it
 * has none; roll-ups and windows not after the last judged are ignored. Each decision becomes an
 * {@link io.nhslistener.core.model.Alert} keyed by organisation id, citing top terms and sample mentions of its
 * episode's windows from {@value #RECENT_STORE} (a window store, changelogged, kept for
 * 2 × {@value OrgJudge#RECENT_WINDOWS} windows behind the newest window of its task; organisations far behind the
 * others of their task, e.g. in a backlog, may find their citations already dropped). Run it with
 * {@link AlertStreamsProperties}: {@code exactly_once_v2} commits the state with the alerts, so a restart neither loses nor repeats one, and poison
 * records are dead-lettered with stage {@value #STAGE}.
 */
public final class AlertTopology {
  /** Stage name of this topology's dead letters and prefix of its node names. */
  public static final String STAGE = "alerts";
  /** Per-organisation detector snapshot and last judged window. */
  public static final String STATE_STORE = "alerts-state";
  /** Per-organisation top terms and samples of recent windows, by window start. */
  public static final String RECENT_STORE = "alerts-recent";
  /** Global store of the watchlist by organisation id. */
  public static final String WATCHLIST_STORE = "alerts-watchlist";

  private AlertTopology() {}

  /**
   * Builds the topology.
   *
   * @param window the base window length; must equal {@code streams.window}
   * @param meters the topology's meters
   * @param props the Kafka Streams configuration it will run with (for topology optimisations), or null for none
   * @throws IllegalArgumentException if the window is not positive
   */
  public static Topology buildTopology(Duration window, DetectionMeters meters, Properties props) {
    OrgJudge judge = new OrgJudge(window);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(stateStore());
    builder.addStateStore(recentStore(window));
    builder.stream(Topics.ORG_STATS.name(), Consumed.with(Topics.ORG_STATS.keySerde(), Topics.ORG_STATS.valueSerde())
            .withName("alerts-source-stats"))
        .process(() -> new DetectionProcessor(judge, meters), Named.as("alerts-detect"), STATE_STORE,
            RECENT_STORE)
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
            .withName("alerts-sink"));
    Topology topology = props == null ? builder.build() : builder.build(props);
    // Topology (rather than StreamsBuilder) names the global store's processor as well as its source.
    return topology.addGlobalStore(watchlistStore(), "alerts-source-rules", new StringDeserializer(),
        new ByteArrayDeserializer(), Topics.RULES.name(), "alerts-watchlist-update",
        () -> new WatchUpdater(WATCHLIST_STORE, meters));
  }

  private static StoreBuilder<KeyValueStore<String, OrgState>> stateStore() {
    // Logging (a changelog topic) is on by default: a new instance restores the state from it.
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE_STORE), Serdes.String(), OrgState.SERDE);
  }

  private static StoreBuilder<WindowStore<String, RecentWindow>> recentStore(Duration window) {
    // Twice the citable span, so an organisation a little behind the others of its task keeps its citations.
    Duration retention = OrgJudge.citableSpan(window).plus(window).multipliedBy(2);
    // Changelog stamped on append, so that broker retention counts from the write, not from the window's event time.
    return Stores.windowStoreBuilder(Stores.persistentWindowStore(RECENT_STORE, retention, window, false),
        Serdes.String(), RecentWindow.SERDE).withLoggingEnabled(Topic.STAMPED_ON_APPEND);
  }

  private static StoreBuilder<KeyValueStore<String, Watch>> watchlistStore() {
    // In memory on purpose: every start replays the compacted topic through WatchUpdater. Global stores take no
    // changelog; their topic is their log.
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WATCHLIST_STORE), Topics.RULES.keySerde(),
        Topics.RULES.valueSerde()).withLoggingDisabled();
  }
}
