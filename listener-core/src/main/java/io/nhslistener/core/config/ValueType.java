package io.nhslistener.core.config;

/**
 * How a configuration value is read from its YAML or environment form.
 *
 * @param <T> the Java type
 */
@FunctionalInterface
public interface ValueType<T> {
  /**
   * Converts a raw value (a YAML scalar, a list of scalars, or an environment variable's text).
   *
   * @throws IllegalArgumentException with a message saying why the value is wrong, without repeating key or value
   */
  T parse(Object raw);
}
