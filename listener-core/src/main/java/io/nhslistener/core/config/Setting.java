package io.nhslistener.core.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key: its dotted name relative to its schema, type, default and one-line description.
 *
 * <p>Every key can be overridden by an environment variable, {@link #envName(String)}, and any string value may be a
 * reference {@code ${env:NAME}} or {@code ${file:PATH}}, which is how secrets stay out of the file.
 *
 * @param <T> value type
 */
public final class Setting<T> {
  private final String name;
  private final ValueType<T> type;
  private final T defaultValue;
  private final boolean required;
  private final boolean secret;
  private final String doc;

  private Setting(String name, ValueType<T> type, T defaultValue, boolean required, boolean secret, String doc) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.defaultValue = defaultValue;
    this.required = required;
    this.secret = secret;
    this.doc = Objects.requireNonNull(doc);
  }

  /** An optional key with a default (which may be null: absent). */
  public static <T> Setting<T> optional(String name, ValueType<T> type, T defaultValue, String doc) {
    return new Setting<>(name, type, defaultValue, false, false, doc);
  }

  /** A key that must be given. */
  public static <T> Setting<T> required(String name, ValueType<T> type, String doc) {
    return new Setting<>(name, type, null, true, false, doc);
  }

  /** An optional secret: never echoed in errors, logs or {@code /health}. */
  public static Setting<String> secret(String name, String doc) {
    return new Setting<>(name, ValueTypes.STRING, null, false, true, doc);
  }

  /** A secret that must be given. */
  public static Setting<String> requiredSecret(String name, String doc) {
    return new Setting<>(name, ValueTypes.STRING, null, true, true, doc);
  }

  public String name() {
    return name;
  }

  public ValueType<T> type() {
    return type;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public boolean isRequired() {
    return required;
  }

  public boolean isSecret() {
    return secret;
  }

  public String doc() {
    return doc;
  }

  /**
   * The environment variable that overrides this key under {@code prefix}: {@code LISTENER_}, then the full key with
   * dots and hyphens as underscores and camelCase split, upper-cased. {@code streams.dedupeHorizon} →
   * {@code LISTENER_STREAMS_DEDUPE_HORIZON}.
   */
  public String envName(String prefix) {
    return envNameOf(prefix.isEmpty() ? name : prefix + "." + name);
  }

  static String envNameOf(String fullKey) {
    String snake = fullKey.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').replace('-', '_');
    return "LISTENER_" + snake.toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return name;
  }
}
