package io.nhslistener.alerts.topology;

import io.nhslistener.alerts.topology.OrgJudge.Judgement;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WindowStats;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each window of {@code listener.org.stats} with its organisation's state from
 * {@value AlertTopology#STATE_STORE} and settings from the watchlist store, keeps the window's citations in
 * {@value AlertTopology#RECENT_STORE}, saves the new state and forwards the alerts keyed by organisation id. A record
 * without a value, or keyed by another organisation than its window's, is malformed: it throws
 * {@link RecordFormatException} for the processing handler to dead-letter.
 */
final class DetectionProcessor implements Processor<String, WindowStats, String, Alert> {
  private static final Logger LOG = LoggerFactory.getLogger(DetectionProcessor.class);
  private static final String TYPE = "WindowStats";

  private final OrgJudge judge;
  private final DetectionMeters meters;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, OrgState> states;
  private RecentWindows recent;
  private KeyValueStore<String, Watch> watches;

  DetectionProcessor(OrgJudge judge, DetectionMeters meters) {
    this.judge = judge;
    this.meters = meters;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.states = context.getStateStore(AlertTopology.STATE_STORE);
    this.recent = new StoredRecentWindows(context.getStateStore(AlertTopology.RECENT_STORE));
    this.watches = context.getStateStore(AlertTopology.WATCHLIST_STORE);
  }

  @Override
  public void process(Record<String, WindowStats> record) {
    WindowStats window = record.value();
    if (window == null) {
      throw new RecordFormatException(TYPE, "$", null, "a window record needs a value");
    }
    String orgId = window.orgId();
    if (!orgId.equals(record.key())) {
      // The key decides the partition, and with it which task holds the organisation's state.
      throw new RecordFormatException(TYPE, "orgId", orgId, "must equal the record key");
    }
    Optional<Judgement> judged = judge.judge(state(orgId), window, settings(orgId), recent);
    if (judged.isEmpty()) {
      LOG.debug("Window {} of {} ({}) not judged: a roll-up or a replay", window.windowStart(), orgId, window.size());
      return;
    }
    states.put(orgId, judged.get().state());
    for (Alert alert : judged.get().alerts()) {
      meters.detected(alert);
      LOG.info("Alert {} {} {} for {} (window {}, since {})", alert.kind(), alert.status(), alert.severity(), orgId,
          alert.windowStart(), alert.since());
      context.forward(record.withValue(alert));
    }
  }

  private OrgState state(String orgId) {
    try {
      return states.get(orgId);
    } catch (RecordFormatException e) {
      // Only a state layout this build cannot read gets here; learning afresh beats stopping the organisation's alerts.
      LOG.error("Alert state of organisation {} is unreadable ({}); it starts learning afresh", orgId, e.getMessage());
      return null;
    }
  }

  private AlertSettings settings(String orgId) {
    Watch watch = watches.get(orgId);
    return watch == null ? AlertSettings.DEFAULTS : watch.alerting();
  }
}
