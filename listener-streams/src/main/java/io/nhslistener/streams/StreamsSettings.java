package io.nhslistener.streams;

import io.nhslistener.core.config.Setting;
import io.nhslistener.core.config.ValueType;
import io.nhslistener.core.config.ValueTypes;
import java.time.Duration;
import java.util.List;

/** Configuration keys of the streams role. Each stage adds its own keys here; the app composes {@link #ALL}. */
public final class StreamsSettings {
  /** A list of durations, from a YAML sequence or a comma-separated string. */
  private static final ValueType<List<Duration>> DURATION_LIST =
      raw -> ValueTypes.STRING_LIST.parse(raw).stream().map(ValueTypes.DURATION::parse).toList();

  public static final Setting<Duration> WINDOW = Setting.optional("streams.window",
      ValueTypes.durationIn(Duration.ofSeconds(1), Duration.ofDays(1)), Duration.ofMinutes(1),
      "Length of the per-organisation tumbling windows written to listener.org.stats (event time, epoch-aligned)");

  public static final Setting<Duration> GRACE = Setting.optional("streams.grace",
      ValueTypes.durationIn(Duration.ZERO, Duration.ofHours(1)), Duration.ofSeconds(30),
      "How long after its end a window still accepts late mentions; later ones are dead-lettered as late");

  public static final Setting<List<Duration>> ROLLUPS = Setting.optional("streams.rollups", DURATION_LIST,
      List.of(Duration.ofMinutes(15), Duration.ofHours(1)),
      "Coarser windows rolled up from the base windows, each a multiple of streams.window; empty for none");

  public static final Setting<Duration> WALL_CLOCK_INTERVAL = Setting.optional("streams.wallClockInterval",
      ValueTypes.durationIn(Duration.ofMillis(100), Duration.ofMinutes(1)), Duration.ofSeconds(1),
      "How often windows are checked against the wall clock, so quiet organisations' windows still close");

  public static final Setting<Duration> SETTLE = Setting.optional("streams.settle",
      ValueTypes.durationIn(Duration.ZERO, Duration.ofMinutes(1)), Duration.ofSeconds(2),
      "Wall-clock time a window waits after its end plus grace before it closes, so mentions reordered between "
          + "upstream tasks while a backlog is worked off (after a restart, in a fast replay) are not late");

  public static final Setting<String> APPLICATION_ID = Setting.optional("streams.applicationId", ValueTypes.STRING,
      "nhs-listener", "Kafka Streams application.id: consumer group, internal topic prefix and state directory name");

  public static final Setting<Integer> THREADS = Setting.optional("streams.threads", ValueTypes.intIn(1, 64), 1,
      "Stream threads of this process; the matching Monitor is shared by all of them");

  public static final Setting<Duration> COMMIT_INTERVAL = Setting.optional("streams.commitInterval",
      ValueTypes.durationIn(Duration.ofMillis(10), Duration.ofMinutes(1)), Duration.ofMillis(100),
      "How often Kafka Streams commits; under exactly-once, outputs become visible to readers at each commit");

  public static final Setting<String> PROCESSING_GUARANTEE = Setting.optional("streams.processingGuarantee",
      ValueTypes.oneOf("exactly_once_v2", "at_least_once"), "exactly_once_v2",
      "exactly_once_v2 commits dedupe and window state with their outputs, so a restart decides the same way");

  public static final Setting<Duration> DEDUPE_HORIZON = Setting.optional("streams.dedupeHorizon",
      ValueTypes.durationIn(Duration.ofMinutes(1), Duration.ofDays(30)), Duration.ofHours(24),
      "How long a first sighting absorbs its exact duplicates, reposts and near-duplicates (also the dedupe stores' "
          + "retention)");

  public static final Setting<Integer> SIMHASH_DISTANCE = Setting.optional("streams.simhashDistance",
      ValueTypes.intIn(0, 3), 3,
      "Most bits two texts' 64-bit SimHash fingerprints may differ by to count as near-duplicates");

  public static final Setting<Integer> NEAR_DUPLICATE_MIN_WORDS = Setting.optional("streams.nearDuplicateMinWords",
      ValueTypes.intIn(1, 1000), 8,
      "Fewest words a text needs for near-duplicate detection; shorter identical texts count as separate voices");

  public static final Setting<String> DEDUPE_STORE = Setting.optional("streams.dedupeStore",
      ValueTypes.oneOf("memory", "rocksdb"), "memory",
      "Dedupe's window store, changelogged either way: memory (faster; the horizon's sightings on the heap, besides "
          + "the in-memory index that both keep) or rocksdb (on local disk, about a quarter less heap)");

  public static final List<Setting<?>> ALL = List.of(WINDOW, GRACE, ROLLUPS, WALL_CLOCK_INTERVAL, SETTLE, APPLICATION_ID,
      THREADS, COMMIT_INTERVAL, PROCESSING_GUARANTEE, DEDUPE_HORIZON, SIMHASH_DISTANCE, NEAR_DUPLICATE_MIN_WORDS,
      DEDUPE_STORE);

  private StreamsSettings() {}
}
