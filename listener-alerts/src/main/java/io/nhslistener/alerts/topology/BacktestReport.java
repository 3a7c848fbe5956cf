package io.nhslistener.alerts.topology;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertSettings;
import java.util.List;

/**
 * What a backtest found: the alerts that would have fired over an organisation's history.
 *
 * @param orgId the organisation
 * @param watched whether the organisation has a watch on {@code listener.rules} (else the default settings applied)
 * @param settings the alert settings the history was replayed with
 * @param windowsRead the organisation's readable windows read (base windows and roll-ups)
 * @param windowsJudged the base windows the detector judged
 * @param unreadable records skipped because they could not be read
 * @param alerts the alert records that would have been published, in order (firing, escalated and resolved)
 */
public record BacktestReport(String orgId, boolean watched, AlertSettings settings, long windowsRead,
    long windowsJudged, long unreadable, List<Alert> alerts) {

  public BacktestReport {
    alerts = List.copyOf(alerts);
  }

  /** One line about the replay, e.g. "trust-a: 2880 windows judged of 3072 read, 0 unreadable; sensitivity 1.0, …". */
  public String summary() {
    return orgId + ": " + windowsJudged + " windows judged of " + windowsRead + " read, " + unreadable
        + " unreadable; sensitivity " + settings.sensitivity() + ", minimum volume " + settings.minVolume()
        + (watched ? "" : " (defaults: no watch on listener.rules)") + "; " + alerts.size()
        + (alerts.size() == 1 ? " alert record" : " alert records");
  }

  /** One line per alert record: window start, status, kind, severity and the explanation. */
  public List<String> lines() {
    return alerts.stream()
        .map(a -> a.windowStart() + "  " + a.status() + "  " + a.kind() + "  " + a.severity() + "  "
            + a.explanation())
        .toList();
  }
}
