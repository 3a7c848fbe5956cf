package io.nhslistener.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered set of {@link Setting}s, the declarative description of one configuration section (the top level, or one
 * source or route type). Parsing reports every problem, never only the first. Immutable.
 */
public final class ConfigSchema {
  private final Map<String, Setting<?>> settings;

  private ConfigSchema(Map<String, Setting<?>> settings) {
    this.settings = settings;
  }

  public static ConfigSchema of(Collection<? extends Setting<?>> settings) {
    Map<String, Setting<?>> byName = new LinkedHashMap<>();
    for (Setting<?> setting : settings) {
      if (byName.put(setting.name(), setting) != null) {
        throw new IllegalArgumentException("setting declared twice: " + setting.name());
      }
    }
    return new ConfigSchema(Map.copyOf(byName));
  }

  /** This schema's settings followed by {@code more}'s. */
  public ConfigSchema with(Collection<? extends Setting<?>> more) {
    List<Setting<?>> all = new ArrayList<>(settings.values());
    all.addAll(more);
    return of(all);
  }

  public Collection<Setting<?>> settings() {
    return settings.values();
  }

  /** True when {@code name} is a key of this schema. */
  public boolean knows(String name) {
    return settings.containsKey(name);
  }

  /**
   * Reads this schema's keys from {@code flat} (dotted key → YAML scalar or list), applying environment overrides
   * when {@code env} is non-null, and adds a problem for every unknown key, missing required value and invalid value.
   *
   * @param flat values as written in the file, keys relative to {@code prefix}
   * @param prefix the section's full key prefix for messages and environment names ("" at the top level)
   * @param env environment variables for overrides, or null where overrides do not apply (list entries)
   */
  ConfigValues parse(Map<String, Object> flat, String prefix, References references, Map<String, String> env,
      List<ConfigProblem> problems) {
    for (String key : flat.keySet()) {
      if (!settings.containsKey(key)) {
        problems.add(new ConfigProblem(fullKey(prefix, key), null, "unknown key"));
      }
    }
    Map<String, Object> values = new HashMap<>();
    for (Setting<?> setting : settings.values()) {
      String fullKey = fullKey(prefix, setting.name());
      Object raw = flat.get(setting.name());
      String envName = setting.envName(prefix);
      if (env != null && env.containsKey(envName)) {
        raw = env.get(envName);
        fullKey = fullKey + " (from " + envName + ")";
      }
      if (raw == null) {
        if (setting.isRequired()) {
          problems.add(new ConfigProblem(fullKey, null, "is required: " + setting.doc()));
        } else if (setting.defaultValue() != null) {
          values.put(setting.name(), setting.defaultValue());
        }
        continue;
      }
      try {
        values.put(setting.name(), setting.type().parse(references.resolve(raw)));
      } catch (IllegalArgumentException e) {
        String shown = setting.isSecret() ? "****" : String.valueOf(raw);
        problems.add(new ConfigProblem(fullKey, shown, e.getMessage()));
      }
    }
    return new ConfigValues(values);
  }

  private static String fullKey(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }
}
