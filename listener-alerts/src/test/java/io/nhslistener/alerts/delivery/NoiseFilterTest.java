package io.nhslistener.alerts.delivery;

import static io.nhslistener.alerts.delivery.NoiseFilter.Verdict.COOLDOWN;
import static io.nhslistener.alerts.delivery.NoiseFilter.Verdict.DUPLICATE;
import static io.nhslistener.alerts.delivery.NoiseFilter.Verdict.EPISODE_SUPPRESSED;
import static io.nhslistener.alerts.delivery.NoiseFilter.Verdict.NOTIFY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoiseFilterTest {
  private static final Instant T0 = Instant.parse("2026-06-02T14:00:00Z");
  private final NoiseFilter filter = new NoiseFilter(Duration.ofMinutes(30), Duration.ofDays(1));
  private long offset;

  private NoiseFilter.Decision decide(Alert alert) {
    return filter.decide(alert, 0, offset++);
  }

  private static Alert at(int minutes, Instant since, Severity severity, AlertStatus status) {
    return TestAlerts.spike("north-trust", T0.plus(Duration.ofMinutes(minutes)), since, severity, status);
  }

  @Test
  void aNewAlertWithinTheCooldownIsSuppressedWithItsResolvedNotice() {
    Instant first = T0.minusSeconds(600);
    assertEquals(NOTIFY, decide(at(0, first, Severity.MEDIUM, AlertStatus.FIRING)).verdict());
    assertEquals(NOTIFY, decide(at(10, first, Severity.MEDIUM, AlertStatus.RESOLVED)).verdict());
    Instant second = T0.plus(Duration.ofMinutes(15));
    assertEquals(COOLDOWN, decide(at(20, second, Severity.MEDIUM, AlertStatus.FIRING)).verdict());
    assertEquals(EPISODE_SUPPRESSED, decide(at(25, second, Severity.MEDIUM, AlertStatus.RESOLVED)).verdict());
    Instant third = T0.plus(Duration.ofMinutes(30));
    assertEquals(NOTIFY, decide(at(31, third, Severity.MEDIUM, AlertStatus.FIRING)).verdict(),
        "31 minutes after the last notified alert the cool-down is over");
  }

  @Test
  void otherOrganisationsAndKindsHaveTheirOwnCooldown() {
    assertEquals(NOTIFY, decide(at(0, T0, Severity.LOW, AlertStatus.FIRING)).verdict());
    assertEquals(NOTIFY, decide(TestAlerts.spike("south-trust", T0.plusSeconds(60))).verdict());
  }

  @Test
  void anEscalationIsAlwaysSentAndMakesTheResolvedNoticeGoOut() {
    Instant first = T0.minusSeconds(600);
    decide(at(0, first, Severity.MEDIUM, AlertStatus.FIRING));
    decide(at(5, first, Severity.MEDIUM, AlertStatus.RESOLVED));
    Instant second = T0.plus(Duration.ofMinutes(8));
    assertEquals(COOLDOWN, decide(at(10, second, Severity.MEDIUM, AlertStatus.FIRING)).verdict());
    NoiseFilter.Decision escalated = decide(at(20, second, Severity.CRITICAL, AlertStatus.ESCALATED));
    assertEquals(NOTIFY, escalated.verdict());
    NoiseFilter.Decision resolved = decide(at(40, second, Severity.LOW, AlertStatus.RESOLVED));
    assertEquals(NOTIFY, resolved.verdict());
    assertEquals(Severity.CRITICAL, resolved.routingSeverity(), "routed like the worst the episode got");
  }

  @Test
  void theSameAlertAtAnotherOffsetIsADuplicateButAtTheSameOffsetKeepsItsDecision() {
    Alert alert = at(0, T0, Severity.HIGH, AlertStatus.FIRING);
    assertEquals(NOTIFY, filter.decide(alert, 2, 40).verdict());
    assertEquals(NOTIFY, filter.decide(alert, 2, 40).verdict(), "replayed after a restart: same decision");
    assertEquals(DUPLICATE, filter.decide(alert, 2, 41).verdict());
  }

  @Test
  void aResolvedNoticeOfAnUnknownEpisodeIsSent() {
    assertEquals(NOTIFY, decide(at(0, T0.minusSeconds(3600), Severity.HIGH, AlertStatus.RESOLVED)).verdict());
  }

  @Test
  void zeroCooldownSendsEveryNewAlert() {
    NoiseFilter none = new NoiseFilter(Duration.ZERO, Duration.ofDays(1));
    assertEquals(NOTIFY, none.decide(at(0, T0, Severity.LOW, AlertStatus.FIRING), 0, 0).verdict());
    assertEquals(NOTIFY, none.decide(at(1, T0.plusSeconds(60), Severity.LOW, AlertStatus.FIRING), 0, 1).verdict());
  }
}
