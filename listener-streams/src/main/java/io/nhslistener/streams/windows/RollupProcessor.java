package io.nhslistener.streams.windows;

import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Passes closed base windows on and rolls them up into the coarser {@code streams.rollups} windows (epoch-aligned,
 * each a multiple of the base window). Base windows arrive per organisation in order and without gaps, zero-count ones included, so a roll-up
 * is complete, and emitted, when its last base window arrives; it is then exactly the merge of its base windows.
 *
 * <p>An organisation's first roll-up after it starts being watched may cover fewer base windows than its length (it
 * holds those that exist). If an organisation's base windows stop mid-roll-up (it left the watchlist), the partial
 * roll-up is emitted when its windows resume, before the new one.
 */
final class RollupProcessor implements Processor<String, WindowAggregate, String, WindowAggregate> {
  private final List<Long> rollupsMs;
  private final WindowMetrics metrics;
  private ProcessorContext<String, WindowAggregate> context;
  private KeyValueStore<String, WindowAggregate> store;

  RollupProcessor(WindowConfig config, WindowMetrics metrics) {
    this.rollupsMs = config.rollups().stream().map(d -> d.toMillis()).toList();
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, WindowAggregate> context) {
    this.context = context;
    this.store = context.getStateStore(WindowStage.ROLLUP_STORE);
  }

  @Override
  public void process(Record<String, WindowAggregate> record) {
    String orgId = record.key();
    WindowAggregate base = record.value();
    context.forward(record); // the base window first, then any roll-up it completes
    for (long length : rollupsMs) {
      long start = Math.floorDiv(base.start(), length) * length;
      String key = orgId + '|' + length;
      WindowAggregate rollup = store.get(key);
      if (rollup != null && rollup.start() != start) {
        emit(orgId, rollup);
        rollup = null;
      }
      if (rollup == null) {
        rollup = new WindowAggregate(start, start + length);
      }
      rollup.merge(base);
      if (base.end() == rollup.end()) {
        emit(orgId, rollup);
        store.delete(key);
      } else {
        store.put(key, rollup);
      }
    }
  }

  private void emit(String orgId, WindowAggregate rollup) {
    metrics.rollupClosed(orgId);
    context.forward(new Record<>(orgId, rollup, rollup.end() - 1));
  }
}
