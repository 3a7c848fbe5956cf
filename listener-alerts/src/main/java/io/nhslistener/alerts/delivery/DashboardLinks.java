package io.nhslistener.alerts.delivery;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Links to the provisioned Grafana dashboard ({@code deploy/grafana/dashboards/nhs-listener.json}, uid
 * {@value #DASHBOARD_UID}) filtered to an alert's organisation and time range: from an hour before the episode began
 * to now while it is active, or to half an hour after it ended.
 */
public final class DashboardLinks {
  /** The dashboard's uid in its JSON; links break if either changes alone. */
  public static final String DASHBOARD_UID = "nhs-listener";

  private static final Duration BEFORE = Duration.ofHours(1);
  private static final Duration AFTER = Duration.ofMinutes(30);

  private final String base;

  /** @param baseUrl Grafana's root URL, e.g. {@code https://grafana.example.nhs.uk} */
  public DashboardLinks(String baseUrl) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public URI forAlert(Alert alert) {
    String to = alert.status() == AlertStatus.RESOLVED
        ? Long.toString(alert.windowEnd().plus(AFTER).toEpochMilli())
        : "now";
    return URI.create(base + "/d/" + DASHBOARD_UID + "/" + DASHBOARD_UID
        + "?var-org=" + URLEncoder.encode(alert.orgId(), StandardCharsets.UTF_8)
        + "&from=" + alert.since().minus(BEFORE).toEpochMilli()
        + "&to=" + to);
  }
}
