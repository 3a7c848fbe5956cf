package io.nhslistener.alerts.metrics;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** Asks the process's components whether they are up; called for every {@code GET /health}. Must be thread-safe. */
@FunctionalInterface
public interface HealthCheck {
  Health check();

  /**
   * A check of named components. A component whose probe throws is reported down (and the exception logged), so a
   * broken probe cannot turn {@code /health} into an error page.
   */
  static HealthCheck of(Map<String, BooleanSupplier> probes) {
    return new ProbedHealth(probes);
  }
}
