package io.nhslistener.alerts.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.alerts.delivery.TestAlerts;
import io.nhslistener.alerts.metrics.DeliveryMeters.Outcome;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetersTest {
  private static final Instant T = Instant.parse("2026-06-02T14:00:00Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void alertsAreCountedByOrganisationKindAndSeverityAndResolvedOnesAreNot() {
    AlertMeters meters = new AlertMeters(registry);
    meters.raised(TestAlerts.spike("north-trust", T, Severity.HIGH, AlertStatus.FIRING));
    meters.raised(TestAlerts.spike("north-trust", T, Severity.CRITICAL, AlertStatus.ESCALATED));
    meters.raised(TestAlerts.spike("north-trust", T.plusSeconds(600), Severity.HIGH, AlertStatus.FIRING));
    meters.raised(TestAlerts.spike("north-trust", T, Severity.HIGH, AlertStatus.RESOLVED));
    assertEquals(2, registry.get("listener.alerts")
        .tags("organisation", "north-trust", "kind", "volume_spike", "severity", "high").counter().count());
    assertEquals(1, registry.get("listener.alerts").tags("severity", "critical").counter().count());
    assertEquals(2, registry.get("listener.alerts").counters().size());
  }

  @Test
  void activeAlertsRiseAndFall() {
    AlertMeters meters = new AlertMeters(registry);
    meters.track(TestAlerts.spike("north-trust", T, Severity.HIGH, AlertStatus.FIRING));
    assertEquals(1, registry.get("listener.alerts.active").tags("organisation", "north-trust").gauge().value());
    meters.track(TestAlerts.spike("north-trust", T, Severity.HIGH, AlertStatus.RESOLVED));
    assertEquals(0, registry.get("listener.alerts.active").tags("organisation", "north-trust").gauge().value());
  }

  @Test
  void deliveriesPendingAndLatency() {
    DeliveryMeters meters = new DeliveryMeters(registry);
    meters.count("slack", Outcome.DELIVERED);
    meters.count("slack", Outcome.DELIVERED);
    meters.count("slack", Outcome.FAILED_ATTEMPT);
    meters.pending("slack", 3);
    meters.pending("slack", -1);
    meters.delivered("slack", Duration.ofSeconds(40));
    meters.delivered("slack", Duration.ofSeconds(-2));
    assertEquals(2, registry.get("listener.alert.deliveries").tags("channel", "slack", "outcome", "delivered")
        .counter().count());
    assertEquals(1, registry.get("listener.alert.deliveries").tags("outcome", "failed_attempt").counter().count());
    assertEquals(2, registry.get("listener.alert.delivery.pending").tags("channel", "slack").gauge().value());
    Timer latency = registry.get("listener.latency.delivered").tags("channel", "slack").timer();
    assertEquals(2, latency.count());
    assertEquals(40, latency.totalTime(TimeUnit.SECONDS), 1e-9, "a negative latency (clock skew) counts as 0");
    CountAtBucket[] buckets = latency.takeSnapshot().histogramCounts();
    assertEquals(DeliveryMeters.LATENCY_BUCKETS.length, buckets.length);
    assertEquals(1, Arrays.stream(buckets).filter(b -> b.bucket(TimeUnit.SECONDS) == 1).findFirst().orElseThrow()
        .count());
    assertEquals(2, Arrays.stream(buckets).filter(b -> b.bucket(TimeUnit.SECONDS) == 60).findFirst().orElseThrow()
        .count());
  }

  @Test
  void everyMeterHasADescription() {
    new AlertMeters(registry).raised(TestAlerts.spike("north-trust", T));
    new AlertMeters(registry).track(TestAlerts.spike("north-trust", T));
    DeliveryMeters delivery = new DeliveryMeters(registry);
    delivery.count("email", Outcome.HELD);
    delivery.pending("email", 1);
    delivery.delivered("email", Duration.ofSeconds(1));
    assertEquals(Set.of("listener.alerts", "listener.alerts.active", "listener.alert.deliveries",
        "listener.alert.delivery.pending", "listener.latency.delivered"),
        registry.getMeters().stream().map(m -> m.getId().getName()).filter(n -> !n.endsWith(".histogram"))
            .collect(Collectors.toSet()));
    for (Meter meter : registry.getMeters()) {
      if (meter.getId().getName().endsWith(".histogram")) {
        continue; // the simple registry's rendering of the timer's buckets; Prometheus shows them in the timer's family
      }
      String description = meter.getId().getDescription();
      assertFalse(description == null || description.isBlank(), meter.getId().getName());
    }
  }
}
