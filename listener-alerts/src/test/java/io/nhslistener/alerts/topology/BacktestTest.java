package io.nhslistener.alerts.topology;

import static io.nhslistener.alerts.topology.AlertTopologyTest.HISTORY;
import static io.nhslistener.alerts.topology.AlertTopologyTest.ORG;
import static io.nhslistener.alerts.topology.AlertTopologyTest.raised;
import static io.nhslistener.alerts.topology.AlertTopologyTest.starts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {
  private static final String STATS = Topics.ORG_STATS.name();
  private static final String RULES = Topics.RULES.name();
  private static final int PARTITIONS = 3;

  @TempDir Path stateDir;

  private static List<WindowStats> burst() {
    return new StatsSeries(ORG, 3).poisson(HISTORY, 40, 0.2).add(200, 0.2, "closure").poisson(20, 40, 0.2).windows();
  }

  private static Watch watch(String orgId, double sensitivity) {
    return Watch.of(new Organisation(orgId, "Org " + orgId, OrgType.TRUST, null, List.of()), List.of(), List.of(),
        new AlertSettings(sensitivity, 5, null, false));
  }

  @Test
  void replayListsWhatTheTopologyPublishes() {
    List<WindowStats> windows = burst();
    List<Alert> published;
    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(windows);
      published = f.alerts();
    }

    BacktestReport report = Backtest.replay(ORG, null, StatsSeries.MINUTE, windows);

    assertEquals(List.of(HISTORY), starts(raised(report.alerts())));
    assertEquals(published, report.alerts());
    assertEquals(windows.size(), report.windowsJudged());
    assertFalse(report.watched());
    assertEquals(AlertSettings.DEFAULTS, report.settings());
  }

  @Test
  void emptyWindowsBeforeTheFirstMentionAreNotLearnedFrom() {
    // The window stage emits a grace period of empty windows before the first mention it sees: an hour of them, then
    // the organisation's ordinary traffic, then a burst.
    StatsSeries series = new StatsSeries(ORG, 5);
    for (int i = 0; i < 360; i++) {
      series.add(0, 0, "usual");
    }
    List<WindowStats> windows = series.poisson(HISTORY, 12, 0.2).add(160, 0.2, "closure").poisson(20, 12, 0.2)
        .windows();

    BacktestReport report = Backtest.replay(ORG, null, StatsSeries.MINUTE, windows);

    assertEquals(List.of(360 + HISTORY), starts(raised(report.alerts())),
        "no alert when ordinary traffic begins; one for the burst");
    assertEquals(windows.size() - 360, report.windowsJudged());
  }

  @Test
  void readsTheCurrentWatchAndOnlyTheOrganisationsWindows() {
    List<WindowStats> mine = new StatsSeries(ORG, 8).poisson(HISTORY, 40, 0.2).add(75, 0.2, "usual")
        .poisson(10, 40, 0.2).windows();
    List<WindowStats> others = new StatsSeries("trust-b", 9).poisson(HISTORY, 40, 0.2).add(900, 0.2, "usual")
        .windows();
    TopicContents topics = new TopicContents();
    topics.put(RULES, 0, ORG, watch(ORG, 1));
    topics.put(RULES, 0, "trust-b", watch("trust-b", 1));
    topics.put(RULES, 0, ORG, watch(ORG, 0.25)); // the current settings: too dull for the burst of 75
    for (int i = 0; i < mine.size(); i++) {
      topics.putWindow(mine.get(i));
      if (i < others.size()) {
        topics.putWindow(others.get(i));
      }
    }
    topics.putBytes(STATS, partitionOf(ORG), ORG, "{\"v\":1,".getBytes(StandardCharsets.UTF_8));
    // a stray window of the organisation on a partition its key does not hash to: not part of its history
    topics.putBytes(STATS, (partitionOf(ORG) + 1) % PARTITIONS, ORG, Topics.ORG_STATS.valueSerde().serializer()
        .serialize(STATS, StatsSeries.window(ORG, mine.size() + 5, 5000, 0.2, "stray")));

    BacktestReport report = Backtest.run(new HistoryReader(topics.consumer(), Duration.ofSeconds(5)),
        StatsSeries.MINUTE, ORG, STATS, null);

    assertTrue(report.watched());
    assertEquals(0.25, report.settings().sensitivity());
    assertEquals(mine.size(), report.windowsRead());
    assertEquals(mine.size(), report.windowsJudged());
    assertEquals(1, report.unreadable());
    assertEquals(List.of(), report.alerts());
    assertEquals(List.of(HISTORY), starts(raised(Backtest.replay(ORG, null, StatsSeries.MINUTE, mine).alerts())),
        "the default settings would have alerted on the same history");
  }

  @Test
  void aRemovedWatchMeansTheDefaultsAndFromSkipsEarlierWindows() {
    List<WindowStats> windows = burst();
    TopicContents topics = new TopicContents();
    topics.put(RULES, 0, ORG, watch(ORG, 0.25));
    topics.put(RULES, 0, ORG, null);
    windows.forEach(topics::putWindow);
    Instant from = StatsSeries.start(100);
    // the time index lands a little early, as it may: the reader must still start at `from`
    topics.seekFor(from, 95);

    BacktestReport report = Backtest.run(new HistoryReader(topics.consumer(), Duration.ofSeconds(5)),
        StatsSeries.MINUTE, ORG, STATS, from);

    assertFalse(report.watched());
    assertEquals(AlertSettings.DEFAULTS, report.settings());
    assertEquals(windows.size() - 100, report.windowsJudged());
    assertEquals(Backtest.replay(ORG, null, StatsSeries.MINUTE, windows.subList(100, windows.size())).alerts(),
        report.alerts());
    assertEquals(List.of(HISTORY), starts(raised(report.alerts())));
    assertTrue(report.summary().startsWith(ORG + ": " + (windows.size() - 100) + " windows judged of "),
        report.summary());
    assertEquals(report.alerts().size(), report.lines().size());
    assertTrue(report.lines().get(0).startsWith(StatsSeries.start(HISTORY) + "  FIRING  VOLUME_SPIKE  CRITICAL  200 "),
        report.lines().get(0));
  }

  @Test
  void aMissingTopicIsNamed() {
    TopicContents topics = new TopicContents();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backtest.run(new HistoryReader(topics.consumer(), Duration.ofSeconds(5)), StatsSeries.MINUTE, ORG,
            "listener.org.stats.old", null));
    assertEquals("topic listener.org.stats.old does not exist", e.getMessage());
  }

  /** Which partition of listener.org.stats holds an organisation: Kafka's default partitioner on its key. */
  private static int partitionOf(String orgId) {
    byte[] key = orgId.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % PARTITIONS;
  }

  /** Topic contents for a {@link MockConsumer}: records appear when their partition is assigned. */
  private static final class TopicContents {
    private final Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> records = new HashMap<>();
    private final Map<TopicPartition, Long> seekOffsets = new HashMap<>();
    private Instant seekTime;

    TopicContents() {
      records.put(new TopicPartition(RULES, 0), new ArrayList<>());
      for (int p = 0; p < PARTITIONS; p++) {
        records.put(new TopicPartition(STATS, p), new ArrayList<>());
      }
    }

    void put(String topic, int partition, String key, Watch watch) {
      putBytes(topic, partition, key, watch == null ? null
          : Topics.RULES.valueSerde().serializer().serialize(topic, watch));
    }

    void putWindow(WindowStats window) {
      putBytes(STATS, partitionOf(window.orgId()), window.orgId(),
          Topics.ORG_STATS.valueSerde().serializer().serialize(STATS, window));
    }

    void putBytes(String topic, int partition, String key, byte[] value) {
      List<ConsumerRecord<byte[], byte[]>> list = records.get(new TopicPartition(topic, partition));
      list.add(new ConsumerRecord<>(topic, partition, list.size(), key.getBytes(StandardCharsets.UTF_8), value));
    }

    /** What the time index answers for {@code time} on the organisation's partition. */
    void seekFor(Instant time, long offset) {
      seekTime = time;
      seekOffsets.put(new TopicPartition(STATS, partitionOf(ORG)), offset);
    }

    MockConsumer<byte[], byte[]> consumer() {
      MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
        private final Set<TopicPartition> filled = new HashSet<>();

        @Override
        public synchronized void assign(Collection<TopicPartition> partitions) {
          super.assign(partitions);
          for (TopicPartition partition : partitions) {
            if (filled.add(partition)) {
              records.get(partition).forEach(this::addRecord);
            }
          }
        }

        @Override
        public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
            Map<TopicPartition, Long> timestamps) {
          Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
          timestamps.forEach((partition, time) -> {
            if (seekTime != null && time == seekTime.toEpochMilli()) {
              found.put(partition, new OffsetAndTimestamp(seekOffsets.get(partition), time));
            }
          });
          return found;
        }
      };
      Map<TopicPartition, Long> beginning = new HashMap<>();
      Map<TopicPartition, Long> end = new HashMap<>();
      Map<String, List<PartitionInfo>> infos = new HashMap<>();
      records.forEach((partition, list) -> {
        beginning.put(partition, 0L);
        end.put(partition, (long) list.size());
        infos.computeIfAbsent(partition.topic(), t -> new ArrayList<>())
            .add(new PartitionInfo(partition.topic(), partition.partition(), null, null, null));
      });
      infos.forEach(consumer::updatePartitions);
      consumer.updateBeginningOffsets(beginning);
      consumer.updateEndOffsets(end);
      return consumer;
    }
  }
}
