package io.nhslistener.core.model;

/** Alert severity, in increasing order: routes choose a minimum severity. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** True when this severity is at least {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
