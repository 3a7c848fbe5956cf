package io.nhslistener.alerts.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link HealthCheck#of}: runs each probe, a throwing probe counting as down. */
final class ProbedHealth implements HealthCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ProbedHealth.class);

  private final Map<String, BooleanSupplier> probes;

  ProbedHealth(Map<String, BooleanSupplier> probes) {
    this.probes = new LinkedHashMap<>(probes);
  }

  @Override
  public Health check() {
    Map<String, Boolean> states = new LinkedHashMap<>();
    probes.forEach((name, probe) -> states.put(name, probe(name, probe)));
    return new Health(states);
  }

  private static boolean probe(String name, BooleanSupplier probe) {
    try {
      return probe.getAsBoolean();
    } catch (RuntimeException e) {
      LOG.warn("health probe {} failed; reporting it down", name, e);
      return false;
    }
  }
}
