package io.nhslistener.alerts.delivery;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.RouteSelection;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.SchemaVersion;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.TermCount;
import io.nhslistener.core.model.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Alerts and watches for tests. */
public final class TestAlerts {
  private TestAlerts() {}

  /** A volume spike of {@code orgId} whose 10-minute window ended at {@code windowEnd}. */
  public static Alert spike(String orgId, Instant windowEnd, Severity severity, AlertStatus status) {
    return spike(orgId, windowEnd, windowEnd.minus(Duration.ofMinutes(10)), severity, status);
  }

  /** A volume spike whose episode began at {@code since}. */
  public static Alert spike(String orgId, Instant windowEnd, Instant since, Severity severity, AlertStatus status) {
    Instant windowStart = windowEnd.minus(Duration.ofMinutes(10));
    return new Alert(SchemaVersion.CURRENT, Alert.idFor(orgId, AlertKind.VOLUME_SPIKE, windowStart, status), orgId,
        AlertKind.VOLUME_SPIKE, severity, status, windowStart, windowEnd, since, 84, 12, 9.5,
        "Mentions of " + orgId + " rose to 84 in 10 minutes, about 7 times the usual for a Tuesday afternoon; "
            + "62% negative",
        List.of(new TermCount("ambulance", 40), new TermCount("a&e", 22)),
        List.of(new SampleMention("mastodon:1", "https://mastodon.example/@someone/1",
                "Waited <6 hours> in A&E & no one came", -0.7, 3),
            new SampleMention("reddit:t3_x", "https://reddit.example/r/nhs/x", "Ambulance queue outside again", -0.4,
                10)));
  }

  /** A firing HIGH spike. */
  public static Alert spike(String orgId, Instant windowEnd) {
    return spike(orgId, windowEnd, Severity.HIGH, AlertStatus.FIRING);
  }

  /** A watch with routes and settings. */
  public static Watch watch(String orgId, String name, String parent, List<RouteSelection> routes,
      AlertSettings settings) {
    return Watch.of(new Organisation(orgId, name, OrgType.TRUST, parent, List.of()), List.of(), routes, settings);
  }
}
