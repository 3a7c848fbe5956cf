package io.nhslistener.alerts.delivery;

import io.nhslistener.alerts.delivery.message.AlertView;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Watch;

/** Turns alert records into what a reader sees: the organisation's name from the watchlist and the dashboard link. */
final class AlertViews {
  private final WatchDirectory watches;
  private final DashboardLinks links;

  AlertViews(WatchDirectory watches, DashboardLinks links) {
    this.watches = watches;
    this.links = links;
  }

  AlertView view(Alert alert) {
    String name = watches.find(alert.orgId()).map(Watch::org).map(Organisation::name).orElse(alert.orgId());
    return new AlertView(alert, name, links.forAlert(alert));
  }
}
