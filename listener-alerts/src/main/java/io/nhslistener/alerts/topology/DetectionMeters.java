package io.nhslistener.alerts.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.model.Alert;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Meters of the detection topology:
 * <ul>
 *   <li>{@value #DETECTED} counter {organisation, kind, severity, status}: alert records the detector published
 *       (firing, escalated and resolved), counted when the topology emits them, so an aborted transaction's retry may
 *       count one twice — {@code listener.alerts} itself holds each exactly once;</li>
 *   <li>{@value #UNREADABLE_WATCHES} counter: {@code listener.rules} records the detector could not read and
 *       skipped.</li>
 * </ul>
 * Labels are organisation ids from the watchlist and enum names: bounded. Thread-safe.
 */
public final class DetectionMeters {
  public static final String DETECTED = "listener.alerts.detected";
  public static final String UNREADABLE_WATCHES = "listener.alerts.watches.unreadable";

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> detected = new ConcurrentHashMap<>();
  private final Counter unreadableWatches;

  public DetectionMeters(MeterRegistry registry) {
    this.registry = registry;
    this.unreadableWatches = Counter.builder(UNREADABLE_WATCHES)
        .description("listener.rules records the alert detector could not read as a watch and skipped (the "
            + "organisation keeps its previous alert settings)")
        .register(registry);
  }

  /** Counts one published alert record. */
  public void detected(Alert alert) {
    String kind = label(alert.kind());
    String severity = label(alert.severity());
    String status = label(alert.status());
    detected.computeIfAbsent(alert.orgId() + '|' + kind + '|' + severity + '|' + status, k -> Counter.builder(DETECTED)
        .description("Alert records published by the detector to listener.alerts, by organisation, kind, severity and "
            + "status (firing, escalated, resolved)")
        .tag("organisation", alert.orgId())
        .tag("kind", kind)
        .tag("severity", severity)
        .tag("status", status)
        .register(registry)).increment();
  }

  /** Counts one skipped watch. */
  void unreadableWatch() {
    unreadableWatches.increment();
  }

  private static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
