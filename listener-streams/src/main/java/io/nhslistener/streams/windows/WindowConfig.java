package io.nhslistener.streams.windows;

import io.nhslistener.core.config.ConfigException;
import io.nhslistener.core.config.ConfigProblem;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.config.ValueTypes;
import io.nhslistener.streams.StreamsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Timing of the window stage.
 *
 * @param window base window length; windows are epoch-aligned, {@code [k·window, (k+1)·window)}
 * @param grace how long after its end a window still accepts mentions
 * @param rollups coarser window lengths, each a multiple of {@code window} and longer than it, without duplicates
 * @param wallClockInterval how often the wall clock is checked for windows to close
 * @param settle wall-clock time a window stays open after the task's clock passed its end plus grace, so that records
 *     reordered between upstream tasks while a backlog is worked off are not late (see {@link TaskClock})
 * @throws ConfigException naming the key, value and reason when the values do not fit together
 */
public record WindowConfig(Duration window, Duration grace, List<Duration> rollups, Duration wallClockInterval,
    Duration settle) {
  /** The defaults of {@link StreamsSettings}. */
  public static final WindowConfig DEFAULTS = new WindowConfig(StreamsSettings.WINDOW.defaultValue(),
      StreamsSettings.GRACE.defaultValue(), StreamsSettings.ROLLUPS.defaultValue(),
      StreamsSettings.WALL_CLOCK_INTERVAL.defaultValue(), StreamsSettings.SETTLE.defaultValue());

  public WindowConfig {
    rollups = List.copyOf(rollups);
    List<ConfigProblem> problems = new ArrayList<>();
    if (window.isNegative() || window.isZero() || window.toMillis() * 1_000_000 != window.toNanos()) {
      problems.add(new ConfigProblem(StreamsSettings.WINDOW.name(), window.toString(),
          "must be a positive whole number of milliseconds"));
    }
    if (grace.isNegative()) {
      problems.add(new ConfigProblem(StreamsSettings.GRACE.name(), grace.toString(), "must not be negative"));
    }
    if (wallClockInterval.isNegative() || wallClockInterval.isZero()) {
      problems.add(new ConfigProblem(StreamsSettings.WALL_CLOCK_INTERVAL.name(), wallClockInterval.toString(),
          "must be positive"));
    }
    if (settle.isNegative()) {
      problems.add(new ConfigProblem(StreamsSettings.SETTLE.name(), settle.toString(), "must not be negative"));
    }
    if (problems.isEmpty()) {
      for (Duration rollup : rollups) {
        if (rollup.compareTo(window) <= 0 || rollup.toMillis() % window.toMillis() != 0) {
          problems.add(new ConfigProblem(StreamsSettings.ROLLUPS.name(), render(rollups),
              ValueTypes.format(rollup) + " must be a multiple of streams.window (" + ValueTypes.format(window)
                  + ") and longer than it"));
        }
      }
      if (rollups.stream().distinct().count() != rollups.size()) {
        problems.add(new ConfigProblem(StreamsSettings.ROLLUPS.name(), render(rollups), "must not repeat a length"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /** Reads the stage's keys from a loaded configuration. */
  public static WindowConfig from(ListenerConfig config) {
    return new WindowConfig(config.get(StreamsSettings.WINDOW), config.get(StreamsSettings.GRACE),
        config.get(StreamsSettings.ROLLUPS), config.get(StreamsSettings.WALL_CLOCK_INTERVAL),
        config.get(StreamsSettings.SETTLE));
  }

  long windowMs() {
    return window.toMillis();
  }

  long graceMs() {
    return grace.toMillis();
  }

  long settleMs() {
    return settle.toMillis();
  }

  private static String render(List<Duration> durations) {
    return durations.stream().map(ValueTypes::format).collect(Collectors.joining(", ", "[", "]"));
  }
}
