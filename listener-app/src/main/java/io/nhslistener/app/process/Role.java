package io.nhslistener.app.process;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The roles one process can run; {@code all} runs every role in one JVM. */
public enum Role {
  INGEST,
  STREAMS,
  ALERTS;

  /** Parses {@code ingest|streams|alerts|all}. */
  public static Set<Role> parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("all")) {
      return EnumSet.allOf(Role.class);
    }
    for (Role role : values()) {
      if (role.label().equals(value)) {
        return EnumSet.of(role);
      }
    }
    throw new IllegalArgumentException("unknown role '" + text + "': expected ingest, streams, alerts or all");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
