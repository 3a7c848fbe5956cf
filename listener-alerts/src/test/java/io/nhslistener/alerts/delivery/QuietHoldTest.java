package io.nhslistener.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nhslistener.alerts.delivery.channel.LogChannel;
import io.nhslistener.alerts.delivery.message.PlainTextMessage;
import io.nhslistener.alerts.delivery.message.Wording;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.QuietHours;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.Watch;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuietHoldTest {
  private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), "Europe/London");
  private static final Route QUIET_ROUTE = route(NIGHT);
  private static final Route PLAIN_ROUTE = route(null);

  private static Route route(QuietHours quiet) {
    return new Route("r", new LogChannel("r", "info", new PlainTextMessage(new Wording(ZoneId.of("UTC")))), quiet);
  }

  private static Optional<Instant> release(String windowEnd, Severity severity, Route route, Optional<Watch> watch) {
    return QuietHold.releaseTime(TestAlerts.spike("north-trust", Instant.parse(windowEnd), severity,
        AlertStatus.FIRING), severity, route, watch);
  }

  @Test
  void holdsUntilTheEndOfQuietHoursAcrossMidnightInLocalTime() {
    // 23:30 BST on 2 June is 22:30 UTC; quiet hours end at 07:00 BST on 3 June, 06:00 UTC.
    assertEquals(Optional.of(Instant.parse("2026-06-03T06:00:00Z")),
        release("2026-06-02T22:30:00Z", Severity.HIGH, QUIET_ROUTE, Optional.empty()));
    assertEquals(Optional.of(Instant.parse("2026-06-03T06:00:00Z")),
        release("2026-06-03T03:00:00Z", Severity.LOW, QUIET_ROUTE, Optional.empty()));
  }

  @Test
  void sendsOutsideQuietHoursAndCriticalAlwaysAtOnce() {
    assertEquals(Optional.empty(), release("2026-06-02T12:00:00Z", Severity.HIGH, QUIET_ROUTE, Optional.empty()));
    assertEquals(Optional.empty(), release("2026-06-02T22:30:00Z", Severity.CRITICAL, QUIET_ROUTE, Optional.empty()));
    assertEquals(Optional.empty(), release("2026-06-02T22:30:00Z", Severity.HIGH, PLAIN_ROUTE, Optional.empty()));
  }

  @Test
  void anOrganisationsOwnQuietHoursApplyToEveryRouteAndTheLaterEndWins() {
    QuietHours lateMorning = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0), "Europe/London");
    Watch watch = TestAlerts.watch("north-trust", "North Trust", null, List.of(),
        new AlertSettings(1.0, 5, lateMorning, false));
    assertEquals(Optional.of(Instant.parse("2026-06-03T08:00:00Z")),
        release("2026-06-02T21:30:00Z", Severity.MEDIUM, PLAIN_ROUTE, Optional.of(watch)));
    assertEquals(Optional.of(Instant.parse("2026-06-03T08:00:00Z")),
        release("2026-06-02T22:30:00Z", Severity.MEDIUM, QUIET_ROUTE, Optional.of(watch)));
  }

  @Test
  void theEndFollowsTheClockChange() {
    // 29 March 2026: clocks go forward at 01:00 UTC; 07:00 local that day is 06:00 UTC.
    assertEquals(Instant.parse("2026-03-29T06:00:00Z"), QuietHold.endAfter(NIGHT, Instant.parse("2026-03-29T00:30:00Z")));
    // 25 October 2026: clocks go back; 07:00 local is 07:00 UTC.
    assertEquals(Instant.parse("2026-10-25T07:00:00Z"), QuietHold.endAfter(NIGHT, Instant.parse("2026-10-24T23:00:00Z")));
  }
}
