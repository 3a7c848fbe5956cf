package io.nhslistener.alerts.delivery;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.RouteSelection;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.Watch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the routes of an alert: the routes the organisation's watch names whose minimum severity the alert reaches
 * (or {@code alerts.defaultRoutes} when the watch names none or the organisation is not in the watchlist), plus, for
 * alerts of at least {@link Severity#HIGH} from an organisation that escalates to its parent, the parent's routes.
 * Each route appears once.
 */
final class RouteSelector {
  /** Severity from which an escalating organisation's alerts also go to its parent. */
  static final Severity ESCALATION_SEVERITY = Severity.HIGH;

  /**
   * The outcome of a selection.
   *
   * @param routes routes to deliver to
   * @param unknownRouteIds route ids a watch names that {@code routes:} does not define
   */
  record Selection(List<Route> routes, List<String> unknownRouteIds) {}

  private final Routes routes;
  private final WatchDirectory watches;
  private final List<String> defaultRoutes;

  RouteSelector(Routes routes, WatchDirectory watches, List<String> defaultRoutes) {
    this.routes = routes;
    this.watches = watches;
    this.defaultRoutes = List.copyOf(defaultRoutes);
  }

  /**
   * @param severity the severity that decides routing: the alert's own, or for a resolved notice the highest its
   *     episode reached, so that everyone told about an alert hears that it ended
   */
  Selection select(Alert alert, Severity severity) {
    Optional<Watch> watch = watches.find(alert.orgId());
    Set<String> ids = new LinkedHashSet<>();
    List<RouteSelection> own = watch.map(Watch::routes).orElse(List.of());
    if (own.isEmpty()) {
      ids.addAll(defaultRoutes);
    } else {
      addReached(own, severity, ids);
    }
    if (watch.isPresent() && watch.get().alerting().escalateToParent() && severity.atLeast(ESCALATION_SEVERITY)
        && watch.get().org().parent() != null) {
      watches.find(watch.get().org().parent()).ifPresent(parent -> addReached(parent.routes(), severity, ids));
    }
    List<Route> chosen = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      routes.find(id).ifPresentOrElse(chosen::add, () -> unknown.add(id));
    }
    return new Selection(List.copyOf(chosen), List.copyOf(unknown));
  }

  private static void addReached(List<RouteSelection> selections, Severity severity, Set<String> ids) {
    for (RouteSelection selection : selections) {
      if (severity.atLeast(selection.minSeverity())) {
        ids.add(selection.route());
      }
    }
  }
}
