package io.nhslistener.alerts.delivery.message;

import io.nhslistener.core.model.Alert;
import java.net.URI;
import java.util.Objects;

/**
 * An alert as a reader sees it: the record, the organisation's display name from the watchlist, and the dashboard
 * link filtered to the organisation and the alert's time range.
 *
 * @param alert the alert record
 * @param orgName display name of the organisation (its id when the watchlist does not know it)
 * @param dashboard Grafana dashboard link
 */
public record AlertView(Alert alert, String orgName, URI dashboard) {
  public AlertView {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(orgName, "orgName");
    Objects.requireNonNull(dashboard, "dashboard");
  }
}
