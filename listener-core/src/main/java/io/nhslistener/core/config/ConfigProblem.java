package io.nhslistener.core.config;

/**
 * One thing wrong with the configuration.
 *
 * @param key full dotted key, e.g. {@code sources[2].baseUrl} or {@code streams.window}
 * @param value the offending value as written (masked for secrets), or null when missing
 * @param reason why it is wrong
 */
public record ConfigProblem(String key, String value, String reason) {
  /** One line for an operator: key, value and reason. */
  public String render() {
    return value == null ? key + ": " + reason : key + " = " + value + ": " + reason;
  }
}
