package io.nhslistener.streams.windows;

import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.deadletter.DeadLetters.Reason;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.streams.errors.RequiredValues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates one task's matched mentions into per-organisation tumbling windows and emits each window once, when the
 * task's {@link TaskClock} passes its end plus the grace period (read a settle delay late, see the clock).
 *
 * <p>Why a processor rather than the DSL's {@code windowedBy(...).aggregate(...).suppress(untilWindowCloses)}: suppress
 * only emits for keys that had records, and only when stream time moves. Zero-count windows for silent organisations
 * and closing on the wall clock need a per-organisation frontier we control, so the state is one store entry per
 * organisation: the frontier (every window before it has been emitted) and its open windows. Emission and the frontier
 * move in the same Kafka transaction under {@code exactly_once_v2}, together with each mention's store update and its
 * input offset, so a restart neither repeats nor skips a window and counts each mention once.
 *
 * <p>Closing happens in two places, both through {@link #closeDue()}: when a mention moves the clock across a window
 * boundary, and on the wall-clock punctuation. A mention whose window is already behind its organisation's frontier
 * is late: counted and dead-lettered. Mentions dated in the future (a source clock ahead of ours) count at the current
 * wall-clock time.
 */
final class WindowProcessor implements Processor<String, MatchedMention, String, WindowOutput> {
  /** Most empty windows one organisation gets when the clock jumps forward: a day of one-minute windows. */
  static final int MAX_EMPTY_BACKFILL = 1440;

  private static final Logger LOG = LoggerFactory.getLogger(WindowProcessor.class);

  private final WindowConfig config;
  private final int matchedPartitions;
  private final String watchlistStore;
  private final WindowMetrics metrics;
  private final DeadLetters deadLetters;
  private final long size;
  private final long grace;
  private final Set<String> misroutedReported = new HashSet<>();

  private ProcessorContext<String, WindowOutput> context;
  private KeyValueStore<String, OrgWindows> store;
  private HomeOrganisations home;
  private TaskClock clock;
  private int partition;
  private long closedBefore = Long.MIN_VALUE;

  WindowProcessor(WindowConfig config, int matchedPartitions, String watchlistStore, WindowMetrics metrics,
      DeadLetters deadLetters) {
    this.config = config;
    this.matchedPartitions = matchedPartitions;
    this.watchlistStore = watchlistStore;
    this.metrics = metrics;
    this.deadLetters = deadLetters;
    this.size = config.windowMs();
    this.grace = config.graceMs();
  }

  @Override
  public void init(ProcessorContext<String, WindowOutput> context) {
    this.context = context;
    this.store = context.getStateStore(WindowStage.WINDOW_STORE);
    ReadOnlyKeyValueStore<String, ?> watchlist = context.getStateStore(watchlistStore);
    this.partition = context.taskId().partition();
    this.home = new HomeOrganisations(watchlist, partition, matchedPartitions);
    // Kafka Streams calls init again on the same instance when it revives a corrupted task: nothing may survive from
    // the previous incarnation, whose last transaction (and the closing it recorded here) may have been aborted.
    this.closedBefore = Long.MIN_VALUE;
    long wallNow = context.currentSystemTimeMs();
    this.clock = new TaskClock(grace, config.settleMs(), wallNow);
    clock.resume(Math.min(timeReachedBeforeRestart(), wallNow), wallNow);
    context.schedule(config.wallClockInterval(), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
  }

  @Override
  public void process(Record<String, MatchedMention> record) {
    MatchedMention matched = RequiredValues.require(record.value(), "MatchedMention");
    if (matched.mention().retraction()) {
      return; // a withdrawal carries no mention to count
    }
    String orgId = matched.orgId();
    reportIfMisrouted(orgId);
    long wallNow = context.currentSystemTimeMs();
    long eventTime = Math.min(record.timestamp(), wallNow);
    clock.observe(eventTime, wallNow);
    closeDue(wallNow);
    long start = Math.floorDiv(eventTime, size) * size;
    OrgWindows org = store.get(orgId);
    if (org == null) {
      // Every window before closedBefore has been emitted for the organisations at home here; before the first close
      // the clock's own boundary is the best guess.
      org = OrgWindows.startingAt(closedBefore != Long.MIN_VALUE ? closedBefore : oldestOpenStart(clock.time()));
    }
    if (start < org.frontier()) {
      late(orgId, matched, eventTime, start, wallNow);
      return;
    }
    org.windowAt(start, size).add(matched);
    store.put(orgId, org);
  }

  private void onWallClock(long wallNow) {
    clock.tick(wallNow);
    closeDue(wallNow);
  }

  /**
   * The latest time the task's clock provably reached before this start, from its stored windows, or
   * {@link TaskClock#UNKNOWN} when the store is empty: an organisation's frontier is at most the clock minus grace
   * when it was set, and an open window's start at most the event time of a mention counted in it. Why it matters:
   * a task whose input was all processed before a crash gets no mention to set its clock, and would otherwise hold its
   * windows until the clock snaps to the wall clock (after a grace period of idleness, and in one jump past any
   * replayed data's event times).
   */
  private long timeReachedBeforeRestart() {
    long reached = TaskClock.UNKNOWN;
    try (KeyValueIterator<String, OrgWindows> all = store.all()) {
      while (all.hasNext()) {
        OrgWindows org = all.next().value;
        reached = Math.max(reached, Math.max(org.frontier() + grace, org.openUntil(size) - size));
      }
    }
    return reached;
  }

  /** Start of the oldest window a clock at {@code time} leaves open: every window before it has closed. */
  private long oldestOpenStart(long time) {
    return Math.floorDiv(time - grace, size) * size;
  }

  private void closeDue(long wallNow) {
    long closingTime = clock.closingTime(wallNow);
    if (closingTime == TaskClock.UNKNOWN) {
      return;
    }
    long boundary = oldestOpenStart(closingTime);
    if (boundary <= closedBefore) {
      return;
    }
    long emptyHorizon = boundary - MAX_EMPTY_BACKFILL * size;
    Set<String> watchedHere = home.current();
    Set<String> orgs = new LinkedHashSet<>(statefulOrganisations());
    orgs.addAll(watchedHere);
    for (String orgId : orgs) {
      OrgWindows org = store.get(orgId);
      if (org == null) {
        org = OrgWindows.startingAt(boundary); // newly watched: its first window is the oldest still open
      }
      // Watched organisations at home here get every interval; any other (unwatched since, or misrouted) only up to
      // its last window with mentions, and is then forgotten.
      boolean tracked = watchedHere.contains(orgId);
      long until = tracked ? boundary : Math.min(boundary, org.openUntil(size));
      long skipped = org.closeBefore(until, size, emptyHorizon, window -> emit(orgId, window));
      if (skipped > 0) {
        LOG.info("Clock jumped forward: skipped {} empty windows of organisation {} before {}", skipped, orgId,
            Instant.ofEpochMilli(emptyHorizon));
      }
      if (!tracked && org.hasNoOpenWindows()) {
        store.delete(orgId);
      } else {
        store.put(orgId, org);
      }
    }
    closedBefore = boundary;
  }

  private List<String> statefulOrganisations() {
    // Keys are collected before any write: iterating a store while writing to it is not safe for every store type.
    List<String> orgs = new ArrayList<>();
    try (KeyValueIterator<String, OrgWindows> all = store.all()) {
      all.forEachRemaining(kv -> orgs.add(kv.key));
    }
    return orgs;
  }

  private void emit(String orgId, WindowAggregate window) {
    metrics.windowClosed(orgId, window);
    context.forward(new Record<>(orgId, new WindowOutput.Closed(window), window.end() - 1));
  }

  private void late(String orgId, MatchedMention matched, long eventTime, long start, long wallNow) {
    metrics.late(orgId);
    RecordMetadata source = context.recordMetadata().orElse(null);
    String topic = source == null ? Topics.MENTIONS_MATCHED.name() : source.topic();
    String message = "event time " + Instant.ofEpochMilli(eventTime) + " falls in window " + Instant.ofEpochMilli(start)
        + " of organisation " + orgId + ", already emitted (window " + config.window() + ", grace "
        + config.grace() + ", stage clock at " + Instant.ofEpochMilli(clock.time()) + ")";
    byte[] key = orgId.getBytes(StandardCharsets.UTF_8);
    // The original bytes are gone once deserialised; the record re-serialised carries every field the stage read.
    byte[] value = Topics.MENTIONS_MATCHED.valueSerde().serializer().serialize(topic, matched);
    byte[] deadLetter = deadLetters.record(WindowStage.STAGE, Reason.LATE, message, topic,
        source == null ? -1 : source.partition(), source == null ? -1 : source.offset(), key, value).value();
    context.forward(new Record<>(orgId, new WindowOutput.Late(deadLetter), wallNow));
  }

  private void reportIfMisrouted(String orgId) {
    if (!home.isHome(orgId) && misroutedReported.add(orgId)) {
      LOG.warn("Organisation {} arrived on partition {} of {}, but its key hashes to partition {}: its windows may be"
              + " emitted by two tasks. Is {} produced with the default partitioner, and is its partition count {}?",
          orgId, partition, Topics.MENTIONS_MATCHED.name(), HomePartition.of(orgId, matchedPartitions),
          Topics.MENTIONS_MATCHED.name(), matchedPartitions);
    }
  }
}
