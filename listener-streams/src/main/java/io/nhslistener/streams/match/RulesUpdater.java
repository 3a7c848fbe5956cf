package io.nhslistener.streams.match;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Global-store processor for {@code listener.rules}: keeps the store and the {@link RuleBook} in step, so a rule
 * change takes effect on the next mention without a restart. Kafka Streams runs it for restored records too (user
 * global stores reprocess on restore), which is how a fresh process rebuilds its in-memory Monitor.
 *
 * <p>It reads raw bytes and decodes them itself. Kafka Streams 4.3 cannot send a global thread's dead letters (its
 * deserialization path casts the global context to a record-collector supplier and the global thread dies), so an
 * unreadable watch is skipped here instead: logged with the field at fault, counted in
 * {@code listener_rules_unreadable_total}, and left where it is on the compacted topic for {@code rules list} to show.
 * A record whose key is not its organisation's id is skipped the same way.
 */
public final class RulesUpdater implements Processor<String, byte[], Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(RulesUpdater.class);

  private final RuleBook rules;
  private final String storeName;
  private final Counter unreadable;
  private KeyValueStore<String, Watch> store;

  public RulesUpdater(RuleBook rules, String storeName, MeterRegistry registry) {
    this.rules = rules;
    this.storeName = storeName;
    this.unreadable = Counter.builder("listener.rules.unreadable")
        .description("listener.rules records that could not be read as a watch and were skipped")
        .register(registry);
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
      rules.remove(orgId);
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
    rules.put(watch);
  }

  private void skip(String what) {
    unreadable.increment();
    LOG.warn("Skipping {} on listener.rules; the organisation's previous rules stay live", what);
  }
}
