package io.nhslistener.alerts.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.topic.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The detection topology over one-minute windows in a {@link TopologyTestDriver} with exactly-once configured, the
 * dead-letter handlers and a meter registry. Each window is piped with a timestamp one millisecond before its end, as
 * the window stage stamps them.
 */
final class DetectionFixture implements AutoCloseable {
  static final Instant WALL_CLOCK = Instant.parse("2026-02-01T00:00:00Z");

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final TopologyTestDriver driver;
  private final TestInputTopic<String, WindowStats> stats;
  private final TestInputTopic<String, byte[]> statsBytes;
  private final TestInputTopic<String, Watch> rules;
  private final TestInputTopic<String, byte[]> rulesBytes;
  private final TestOutputTopic<String, Alert> alerts;
  private final TestOutputTopic<byte[], DeadLetter> deadLetters;
  private final List<Alert> emitted = new ArrayList<>();

  /** Under exactly-once, as the alerts role runs it. */
  DetectionFixture(Path stateDir) {
    this(stateDir, StreamsConfig.EXACTLY_ONCE_V2);
  }

  /**
   * Under at-least-once, for dead letters of unreadable records: the driver drops a dead letter that the
   * deserialization handler produced under exactly-once, because it clears its mock producer's open transaction when
   * no record was processed. (A real broker commits it with the task's next commit.)
   */
  static DetectionFixture atLeastOnce(Path stateDir) {
    return new DetectionFixture(stateDir, StreamsConfig.AT_LEAST_ONCE);
  }

  private DetectionFixture(Path stateDir, String guarantee) {
    DeadLetters letters = new DeadLetters(registry, Clock.fixed(WALL_CLOCK, ZoneOffset.UTC));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    AlertsErrorHandling.configure(props, letters);
    driver = new TopologyTestDriver(AlertTopology.buildTopology(StatsSeries.MINUTE, new DetectionMeters(registry),
        props), props, WALL_CLOCK);
    stats = driver.createInputTopic(Topics.ORG_STATS.name(), new StringSerializer(),
        Topics.ORG_STATS.valueSerde().serializer());
    statsBytes = driver.createInputTopic(Topics.ORG_STATS.name(), new StringSerializer(), new ByteArraySerializer());
    rules = driver.createInputTopic(Topics.RULES.name(), new StringSerializer(),
        Topics.RULES.valueSerde().serializer());
    rulesBytes = driver.createInputTopic(Topics.RULES.name(), new StringSerializer(), new ByteArraySerializer());
    alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(),
        Topics.ALERTS.valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(Topics.DEADLETTER.name(), new ByteArrayDeserializer(),
        Topics.DEADLETTER.valueSerde().deserializer());
  }

  void pipe(List<WindowStats> windows) {
    windows.forEach(this::pipe);
  }

  void pipe(WindowStats window) {
    stats.pipeInput(window.orgId(), window, window.windowEnd().toEpochMilli() - 1);
  }

  void pipeBytes(String key, byte[] value) {
    statsBytes.pipeInput(key, value);
  }

  void watch(String orgId, AlertSettings settings) {
    rules.pipeInput(orgId, Watch.of(new Organisation(orgId, "Org " + orgId, OrgType.TRUST, null, List.of()),
        List.of(), List.of(), settings));
  }

  void unwatch(String orgId) {
    rules.pipeInput(orgId, (Watch) null);
  }

  void pipeRuleBytes(String orgId, byte[] value) {
    rulesBytes.pipeInput(orgId, value);
  }

  /** Every alert published so far, in order. */
  List<Alert> alerts() {
    while (!alerts.isEmpty()) {
      KeyValue<String, Alert> record = alerts.readKeyValue();
      if (!record.key.equals(record.value.orgId())) {
        throw new AssertionError("alert keyed " + record.key + " for organisation " + record.value.orgId());
      }
      emitted.add(record.value);
    }
    return List.copyOf(emitted);
  }

  List<DeadLetter> deadLetters() {
    return deadLetters.readValuesToList();
  }

  KeyValueStore<String, OrgState> stateStore() {
    return driver.getKeyValueStore(AlertTopology.STATE_STORE);
  }

  WindowStore<String, RecentWindow> recentStore() {
    return driver.getWindowStore(AlertTopology.RECENT_STORE);
  }

  /** The contents of both stores, as their changelogs hold them. */
  record Stores(Map<String, OrgState> states, List<KeyValue<Windowed<String>, RecentWindow>> recent) {}

  Stores snapshot() {
    Map<String, OrgState> states = new HashMap<>();
    try (KeyValueIterator<String, OrgState> all = stateStore().all()) {
      all.forEachRemaining(kv -> states.put(kv.key, kv.value));
    }
    List<KeyValue<Windowed<String>, RecentWindow>> recent = new ArrayList<>();
    try (KeyValueIterator<Windowed<String>, RecentWindow> all = recentStore().all()) {
      all.forEachRemaining(recent::add);
    }
    return new Stores(states, recent);
  }

  /** Fills the (empty) stores as a new instance restores them from the changelogs. */
  void restore(Stores stores) {
    stores.states().forEach(stateStore()::put);
    stores.recent().forEach(kv -> recentStore().put(kv.key.key(), kv.value, kv.key.window().start()));
  }

  double counter(String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    driver.close();
  }
}
