package io.nhslistener.alerts.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Alert meters, as the delivery consumer sees the alert stream:
 * <ul>
 *   <li>{@value #RAISED} counter {organisation, kind, severity}: alert records raised (new and escalated);</li>
 *   <li>{@value #ACTIVE} gauge {organisation, kind}: 1 while an alert episode is open, 0 after its resolved record.</li>
 * </ul>
 * Labels are organisation ids from the watchlist and enum names: bounded. Thread-safe.
 */
public final class AlertMeters {
  public static final String RAISED = "listener.alerts";
  public static final String ACTIVE = "listener.alerts.active";

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> raised = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicInteger> active = new ConcurrentHashMap<>();

  public AlertMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts a new or escalated alert; resolved records are not alerts raised. */
  public void raised(Alert alert) {
    if (alert.status() == AlertStatus.RESOLVED) {
      return;
    }
    String kind = label(alert.kind());
    String severity = alert.severity().name().toLowerCase(Locale.ROOT);
    raised.computeIfAbsent(alert.orgId() + '|' + kind + '|' + severity, k -> Counter.builder(RAISED)
        .description("Alerts raised by the detector (new and escalated records), by organisation, kind and severity")
        .tag("organisation", alert.orgId())
        .tag("kind", kind)
        .tag("severity", severity)
        .register(registry)).increment();
  }

  /** Records whether the alert's episode is open after this record. */
  public void track(Alert alert) {
    String kind = label(alert.kind());
    active.computeIfAbsent(alert.orgId() + '|' + kind, k -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder(ACTIVE, value, AtomicInteger::get)
          .description("1 while an alert of this organisation and kind is active (fired, not yet resolved), else 0")
          .tag("organisation", alert.orgId())
          .tag("kind", kind)
          .register(registry);
      return value;
    }).set(alert.status() == AlertStatus.RESOLVED ? 0 : 1);
  }

  static String label(AlertKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
