package io.nhslistener.alerts.delivery.message;

import java.util.List;

/**
 * One message to send on one route: a single alert, a group of alerts that arrived close together, or the digest of
 * alerts held during quiet hours.
 *
 * @param kind what the message is
 * @param alerts the alerts it tells about, at least one, in arrival order
 */
public record Notification(Kind kind, List<AlertView> alerts) {
  /** What a message is. */
  public enum Kind {
    /** One alert, sent as it came. */
    SINGLE,
    /** Several alerts (usually of several organisations) that reached the route within the group window. */
    GROUP,
    /** Alerts held during quiet hours, sent when they end. */
    DIGEST
  }

  public Notification {
    alerts = List.copyOf(alerts);
    if (alerts.isEmpty()) {
      throw new IllegalArgumentException("a notification tells about at least one alert");
    }
    if (kind == Kind.SINGLE && alerts.size() != 1) {
      throw new IllegalArgumentException("a single notification has exactly one alert, not " + alerts.size());
    }
  }

  /** A notification of one alert. */
  public static Notification single(AlertView alert) {
    return new Notification(Kind.SINGLE, List.of(alert));
  }

  /**
   * The alert of a notification of one alert (a single alert, or a digest of one for a channel that never groups).
   *
   * @throws IllegalStateException when the notification has several alerts
   */
  public AlertView only() {
    if (alerts.size() != 1) {
      throw new IllegalStateException("a " + kind + " notification of " + alerts.size() + " alerts has no one alert");
    }
    return alerts.get(0);
  }
}
