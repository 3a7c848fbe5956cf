package io.nhslistener.alerts.delivery;

import io.nhslistener.alerts.delivery.message.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One message for one route, with its retry state. */
final class Attempt {
  final Route route;
  final boolean digest;
  final List<RouteItem> items;
  Instant firstTry;
  Instant nextTry;
  int failures;

  Attempt(Route route, boolean digest, List<RouteItem> items, Instant due) {
    this.route = route;
    this.digest = digest;
    this.items = new ArrayList<>(items);
    this.nextTry = due;
  }

  /** The message kind for the items still in this attempt. */
  Notification.Kind kind() {
    if (digest) {
      return Notification.Kind.DIGEST;
    }
    return items.size() == 1 ? Notification.Kind.SINGLE : Notification.Kind.GROUP;
  }
}
