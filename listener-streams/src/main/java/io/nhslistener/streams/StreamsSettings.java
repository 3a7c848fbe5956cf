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

  public static final List<Setting<?>> ALL = List.of(WINDOW, GRACE, ROLLUPS, WALL_CLOCK_INTERVAL);

  private StreamsSettings() {}
}
