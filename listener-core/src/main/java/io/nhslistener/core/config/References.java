package io.nhslistener.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Resolves {@code ${env:NAME}} and {@code ${file:PATH}} references in configuration values. */
final class References {
  private final Map<String, String> env;

  References(Map<String, String> env) {
    this.env = env;
  }

  /**
   * Returns {@code raw} with a whole-value reference resolved; other values unchanged. File contents lose one trailing
   * newline, as secrets written with {@code echo} have one.
   *
   * @throws IllegalArgumentException when the variable is unset or the file unreadable
   */
  Object resolve(Object raw) {
    if (!(raw instanceof String text) || !text.startsWith("${") || !text.endsWith("}")) {
      return raw;
    }
    String reference = text.substring(2, text.length() - 1);
    if (reference.startsWith("env:")) {
      String name = reference.substring(4);
      String value = env.get(name);
      if (value == null) {
        throw new IllegalArgumentException("environment variable " + name + " is not set");
      }
      return value;
    }
    if (reference.startsWith("file:")) {
      Path path = Path.of(reference.substring(5));
      try {
        String content = Files.readString(path, StandardCharsets.UTF_8);
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read secret file " + path + ": " + e.getClass().getSimpleName());
      }
    }
    throw new IllegalArgumentException("unknown reference; use ${env:NAME} or ${file:PATH}");
  }
}
