package io.nhslistener.alerts.delivery.message;

import io.nhslistener.alerts.delivery.TestAlerts;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Severity;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Notifications for rendering tests. */
final class MessageFixtures {
  /** 14:20 UTC on Tuesday 2 June 2026 is 15:20 in London. */
  static final Instant WINDOW_END = Instant.parse("2026-06-02T14:20:00Z");
  static final Wording WORDING = new Wording(ZoneId.of("Europe/London"));

  private MessageFixtures() {}

  static AlertView view(String orgId, String name, Severity severity, AlertStatus status) {
    Alert alert = TestAlerts.spike(orgId, WINDOW_END, WINDOW_END.minusSeconds(1200), severity, status);
    return new AlertView(alert, name, URI.create("https://grafana.example.nhs.uk/d/nhs-listener/nhs-listener?var-org="
        + orgId));
  }

  static Notification single() {
    return Notification.single(view("north-trust", "Northshire Hospitals <NHS> FT", Severity.HIGH,
        AlertStatus.FIRING));
  }

  static Notification group(int size) {
    List<AlertView> views = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      views.add(view("trust-" + i, "Trust number " + i, Severity.MEDIUM, AlertStatus.FIRING));
    }
    return new Notification(Notification.Kind.GROUP, views);
  }
}
