package io.nhslistener.alerts.topology;

import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Backtesting for users ({@code listener eval spikes --org ID --topic listener.org.stats [--from …]}): replays an
 * organisation's window history through a fresh detector with the organisation's current settings from
 * {@code listener.rules}, exactly as the topology would judge it, and lists the alerts that would have fired.
 *
 * <p>Limits: the detector starts from nothing, so the first {@value io.nhslistener.alerts.detect.SpikeDetector#WARM_UP}
 * base windows of the replay only train it (and a sentiment baseline needs its own minimum history); pick {@code from}
 * accordingly, or leave it out to replay everything the topic retains. Only base windows ({@code alerts.window}) are
 * judged. Nothing is written anywhere.
 */
public final class Backtest {
  /** Longest time reading one topic may take. */
  public static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

  private Backtest() {}

  /**
   * Reads the organisation's current settings and history from Kafka and replays it.
   *
   * @param config configuration: Kafka client properties and {@code alerts.window}
   * @param orgId the organisation
   * @param topic the window topic, normally {@code listener.org.stats}
   * @param from earliest window start to replay, or null for everything the topic retains
   * @throws IllegalArgumentException if a topic does not exist
   * @throws org.apache.kafka.common.errors.TimeoutException if a topic cannot be read within {@link #READ_TIMEOUT}
   */
  public static BacktestReport run(ListenerConfig config, String orgId, String topic, Instant from) {
    Map<String, Object> props = new HashMap<>(config.kafka());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "listener-backtest");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      return run(new HistoryReader(consumer, READ_TIMEOUT), config.get(AlertsSettings.WINDOW), orgId, topic, from);
    }
  }

  static BacktestReport run(HistoryReader reader, Duration window, String orgId, String topic, Instant from) {
    Replay replay = new Replay(orgId, reader.currentWatch(orgId), window);
    reader.windows(orgId, topic, from, replay::accept);
    return replay.report(reader.unreadable());
  }

  /**
   * Replays windows already in hand, in the order given (those of other organisations are ignored).
   *
   * @param watch the organisation's watch, whose alert settings apply, or null for the default settings
   * @param window the base window length
   */
  public static BacktestReport replay(String orgId, Watch watch, Duration window, Iterable<WindowStats> windows) {
    Replay replay = new Replay(orgId, watch, window);
    windows.forEach(replay::accept);
    return replay.report(0);
  }

  /** The replay of one organisation's windows, one at a time. */
  private static final class Replay {
    private final String orgId;
    private final boolean watched;
    private final AlertSettings settings;
    private final OrgJudge judge;
    private final RecentWindows recent;
    private final List<Alert> alerts = new ArrayList<>();
    private OrgState state;
    private long read;
    private long judged;

    Replay(String orgId, Watch watch, Duration window) {
      this.orgId = orgId;
      this.watched = watch != null;
      this.settings = watch == null ? AlertSettings.DEFAULTS : watch.alerting();
      this.judge = new OrgJudge(window);
      this.recent = new MemoryRecentWindows(OrgJudge.citableSpan(window));
    }

    void accept(WindowStats window) {
      if (!orgId.equals(window.orgId())) {
        return;
      }
      read++;
      judge.judge(state, window, settings, recent).ifPresent(judgement -> {
        state = judgement.state();
        judged++;
        alerts.addAll(judgement.alerts());
      });
    }

    BacktestReport report(long unreadable) {
      return new BacktestReport(orgId, watched, settings, read, judged, unreadable, alerts);
    }
  }
}
