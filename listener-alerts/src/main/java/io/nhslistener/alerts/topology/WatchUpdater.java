package io.nhslistener.alerts.topology;

import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.topic.Topics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the detector's global watchlist store in step with {@code listener.rules}: a watch replaces the organisation's
 * entry, a tombstone removes it (the organisation falls back to the default alert settings).
 *
 * <p>It reads raw bytes and decodes them itself: Kafka Streams 4.3 cannot send dead letters from the global thread
 * (a deserialization handler that returns records there kills the thread), so an unreadable watch, or one keyed by
 * another organisation's id, is skipped here — logged with the field at fault, counted in
 * {@value DetectionMeters#UNREADABLE_WATCHES}, and the organisation keeps its previous settings. Kafka Streams also
 * runs this processor for restored records, so every start rebuilds the in-memory store from the compacted topic.
 */
final class WatchUpdater implements Processor<String, byte[], Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(WatchUpdater.class);

  private final String storeName;
  private final DetectionMeters meters;
  private KeyValueStore<String, Watch> store;

  WatchUpdater(String storeName, DetectionMeters meters) {
    this.storeName = storeName;
    this.meters = meters;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String orgId = record.key();
    if (orgId == null) {
      skip("a record without a key (the key must be the organisation id)");
      return;
    }
    if (record.value() == null) {
      store.delete(orgId);
      return;
    }
    Watch watch;
    try {
      watch = Topics.RULES.valueSerde().deserializer().deserialize(Topics.RULES.name(), record.value());
    } catch (RecordFormatException e) {
      skip("the watch keyed " + orgId + ": " + e.recordType() + "." + e.field() + " is invalid");
      return;
    }
    if (!orgId.equals(watch.orgId())) {
      skip("a watch keyed " + orgId + " that holds organisation " + watch.orgId());
      return;
    }
    store.put(orgId, watch);
  }

  private void skip(String what) {
    meters.unreadableWatch();
    LOG.warn("Alert detection skips {} on listener.rules; the organisation keeps its previous alert settings", what);
  }
}
