package io.nhslistener.alerts.delivery;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.QuietHours;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.Watch;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Quiet hours: a non-critical alert whose window ended inside the route's quiet hours, or inside its organisation's
 * ({@code alerting.quietHours} in the watchlist), is held until the end of those hours (the later end when both
 * apply) and then sent in a digest. Critical alerts are never held. Deciding on the alert's own window end, not the
 * wall clock, makes the decision the same when the alert is read again after a restart.
 */
final class QuietHold {
  private QuietHold() {}

  /** When to release the alert on {@code route}; empty to send it now. */
  static Optional<Instant> releaseTime(Alert alert, Severity routingSeverity, Route route, Optional<Watch> watch) {
    if (routingSeverity == Severity.CRITICAL) {
      return Optional.empty();
    }
    List<QuietHours> periods = new ArrayList<>(2);
    route.quiet().ifPresent(periods::add);
    watch.map(w -> w.alerting().quietHours()).ifPresent(periods::add);
    Instant at = alert.windowEnd();
    return periods.stream().filter(q -> q.contains(at)).map(q -> endAfter(q, at)).max(Instant::compareTo);
  }

  /** The first end of {@code quiet} after {@code at}. */
  static Instant endAfter(QuietHours quiet, Instant at) {
    ZoneId zone = ZoneId.of(quiet.zone());
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime end = ZonedDateTime.of(local.toLocalDate(), quiet.to(), zone);
    return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
  }
}
