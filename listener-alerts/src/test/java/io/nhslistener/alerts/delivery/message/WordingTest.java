package io.nhslistener.alerts.delivery.message;

import static io.nhslistener.alerts.delivery.message.MessageFixtures.WORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordingTest {
  private final AlertView firing = MessageFixtures.view("north-trust", "Northshire Hospitals", Severity.HIGH,
      AlertStatus.FIRING);

  @Test
  void theSentenceNamesTheOrganisationByItsNameNotItsId() {
    assertEquals("Mentions of Northshire Hospitals rose to 84 in 10 minutes, about 7 times the usual for a Tuesday "
        + "afternoon; 62% negative.", WORDING.sentence(firing));
  }

  @Test
  void anIdInsideALongerIdIsLeftAlone() {
    Alert base = firing.alert();
    Alert alert = new Alert(base.v(), base.id(), "north", base.kind(), base.severity(), base.status(),
        base.windowStart(), base.windowEnd(), base.since(), base.observed(), base.expected(), base.score(),
        "Mentions of north rose, north-east is unaffected", List.of(), List.of());
    AlertView view = new AlertView(alert, "North Trust", firing.dashboard());
    assertEquals("Mentions of North Trust rose, north-east is unaffected.", WORDING.sentence(view));
  }

  @Test
  void headlinesSaySeverityKindAndOrganisation() {
    assertEquals("HIGH: surge in mentions of Northshire Hospitals", WORDING.headline(firing));
    assertEquals("Now CRITICAL: surge in mentions of X", WORDING.headline(
        MessageFixtures.view("x", "X", Severity.CRITICAL, AlertStatus.ESCALATED)));
    assertEquals("Resolved: surge in mentions of X has ended", WORDING.headline(
        MessageFixtures.view("x", "X", Severity.HIGH, AlertStatus.RESOLVED)));
  }

  @Test
  void timesAreLocal() {
    assertEquals("since 15:00 on Tue 2 Jun", WORDING.since(firing.alert()));
    AlertView resolved = MessageFixtures.view("x", "X", Severity.HIGH, AlertStatus.RESOLVED);
    assertEquals("from 15:00 on Tue 2 Jun to 15:20", WORDING.since(resolved.alert()));
  }

  @Test
  void termsAndHeadings() {
    assertEquals("ambulance (40), a&e (22)", WORDING.topTerms(firing.alert()));
    assertEquals("3 alerts for Trust number 0, Trust number 1, Trust number 2",
        WORDING.heading(MessageFixtures.group(3)));
    assertEquals("5 alerts for Trust number 0, Trust number 1, Trust number 2 and 2 more",
        WORDING.heading(MessageFixtures.group(5)));
    assertEquals("Quiet-hours digest: 1 alert for Northshire Hospitals",
        WORDING.heading(new Notification(Notification.Kind.DIGEST, List.of(firing))));
  }
}
