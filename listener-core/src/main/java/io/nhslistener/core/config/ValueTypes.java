package io.nhslistener.core.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The value types configuration keys use. */
public final class ValueTypes {
  private ValueTypes() {}

  public static final ValueType<String> STRING = raw -> {
    if (raw instanceof List<?>) {
      throw new IllegalArgumentException("expected a single value, not a list");
    }
    return raw.toString();
  };

  public static final ValueType<Boolean> BOOLEAN = raw -> {
    String text = STRING.parse(raw).trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  };

  public static final ValueType<Path> PATH = raw -> {
    try {
      return Path.of(STRING.parse(raw).trim());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a valid path: " + e.getReason());
    }
  };

  /** Durations as {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, or ISO-8601 ({@code PT30S}). */
  public static final ValueType<Duration> DURATION = ValueTypes::parseDuration;

  /** A list from a YAML sequence or a comma-separated string (the environment form). */
  public static final ValueType<List<String>> STRING_LIST = raw -> {
    List<String> values = new ArrayList<>();
    if (raw instanceof List<?> list) {
      for (Object item : list) {
        values.add(STRING.parse(item).trim());
      }
    } else {
      Arrays.stream(raw.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
    }
    return List.copyOf(values);
  };

  /** A {@code host:port} address; the host may be empty (all interfaces) only when written as {@code 0.0.0.0}. */
  public static final ValueType<HostPort> HOST_PORT = raw -> HostPort.parse(STRING.parse(raw).trim());

  public static ValueType<Integer> intIn(int min, int max) {
    return raw -> {
      long value = parseLong(raw);
      if (value < min || value > max) {
        throw new IllegalArgumentException("must be between " + min + " and " + max);
      }
      return (int) value;
    };
  }

  public static ValueType<Double> doubleIn(double min, double max) {
    return raw -> {
      double value;
      try {
        value = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(STRING.parse(raw).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a number");
      }
      if (!(value >= min && value <= max)) {
        throw new IllegalArgumentException("must be between " + min + " and " + max);
      }
      return value;
    };
  }

  public static ValueType<Duration> durationIn(Duration min, Duration max) {
    return raw -> {
      Duration value = parseDuration(raw);
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException("must be between " + format(min) + " and " + format(max));
      }
      return value;
    };
  }

  /** One of a fixed set of lower-case words. */
  public static ValueType<String> oneOf(String... choices) {
    List<String> allowed = List.of(choices);
    return raw -> {
      String value = STRING.parse(raw).trim();
      if (!allowed.contains(value)) {
        throw new IllegalArgumentException("expected one of " + String.join(", ", allowed));
      }
      return value;
    };
  }

  private static long parseLong(Object raw) {
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      return ((Number) raw).longValue();
    }
    try {
      return Long.parseLong(STRING.parse(raw).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number");
    }
  }

  static Duration parseDuration(Object raw) {
    String text = STRING.parse(raw).trim().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("p")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
      int unitStart = 0;
      while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
        unitStart++;
      }
      if (unitStart == 0) {
        throw new IllegalArgumentException(DURATION_HINT);
      }
      long amount = Long.parseLong(text.substring(0, unitStart));
      return switch (text.substring(unitStart)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        case "d" -> Duration.ofDays(amount);
        default -> throw new IllegalArgumentException(DURATION_HINT);
      };
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(DURATION_HINT);
    }
  }

  private static final String DURATION_HINT = "expected a duration such as 250ms, 30s, 5m, 2h or 7d";

  /** Renders a duration in the short form this configuration accepts. */
  public static String format(Duration duration) {
    long ms = duration.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) {
      return ms / 86_400_000 + "d";
    } else if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    } else if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    } else if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
