package io.nhslistener.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What waits on one route before a message is made: the open group (alerts arriving within the group window of the
 * first) and the alerts held for the quiet-hours digest.
 */
final class RouteQueue {
  private record Held(RouteItem item, Instant release) {}

  private final Route route;
  private final Duration groupWindow;
  private final List<RouteItem> group = new ArrayList<>();
  private final List<Held> held = new ArrayList<>();
  private Instant groupDue;

  /** @param groupWindow how long a group stays open; zero (and non-grouping channels) send at once */
  RouteQueue(Route route, Duration groupWindow) {
    this.route = route;
    this.groupWindow = route.channel().groupsAlerts() ? groupWindow : Duration.ZERO;
  }

  Route route() {
    return route;
  }

  void add(RouteItem item, Instant now) {
    if (group.isEmpty()) {
      groupDue = now.plus(groupWindow);
    }
    group.add(item);
  }

  void hold(RouteItem item, Instant release) {
    held.add(new Held(item, release));
  }

  /** The group, if its window has closed by {@code now}; the queue starts a new one. */
  List<RouteItem> takeGroupDue(Instant now) {
    if (group.isEmpty() || groupDue.isAfter(now)) {
      return List.of();
    }
    List<RouteItem> due = List.copyOf(group);
    group.clear();
    return due;
  }

  /** Held alerts whose quiet hours have ended by {@code now}, in arrival order. */
  List<RouteItem> takeHeldDue(Instant now) {
    List<RouteItem> due = new ArrayList<>();
    held.removeIf(h -> {
      if (h.release().isAfter(now)) {
        return false;
      }
      due.add(h.item());
      return true;
    });
    return due;
  }

  /** The earliest time something here falls due. */
  Optional<Instant> nextDue() {
    Optional<Instant> heldDue = held.stream().map(Held::release).min(Instant::compareTo);
    if (group.isEmpty()) {
      return heldDue;
    }
    return Optional.of(heldDue.filter(h -> h.isBefore(groupDue)).orElse(groupDue));
  }

  /** Drops the items matching {@code dropped} and returns how many there were. */
  int drop(Predicate<RouteItem> dropped) {
    int before = group.size() + held.size();
    group.removeIf(dropped);
    held.removeIf(h -> dropped.test(h.item()));
    return before - group.size() - held.size();
  }
}
