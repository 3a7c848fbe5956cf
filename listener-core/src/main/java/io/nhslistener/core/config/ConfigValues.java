package io.nhslistener.core.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Parsed values of one schema. Immutable. */
public final class ConfigValues {
  private final Map<String, Object> values;

  ConfigValues(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  /** Values for tests and programmatic use: unknown settings are not checked here. */
  public static ConfigValues of(Map<Setting<?>, Object> values) {
    Map<String, Object> byName = new HashMap<>();
    values.forEach((setting, value) -> byName.put(setting.name(), value));
    return new ConfigValues(byName);
  }

  /**
   * The value of {@code setting}, or its default.
   *
   * @throws IllegalStateException when the setting has neither a value nor a default; use {@link #find} for those
   */
  public <T> T get(Setting<T> setting) {
    return find(setting).orElseThrow(() -> new IllegalStateException("no value for " + setting.name()));
  }

  /** The value of {@code setting} if it was given or has a default. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> find(Setting<T> setting) {
    Object value = values.get(setting.name());
    return Optional.ofNullable(value == null ? setting.defaultValue() : (T) value);
  }
}
