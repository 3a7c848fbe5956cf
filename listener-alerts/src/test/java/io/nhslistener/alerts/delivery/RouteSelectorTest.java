package io.nhslistener.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nhslistener.alerts.delivery.channel.LogChannel;
import io.nhslistener.alerts.delivery.message.PlainTextMessage;
import io.nhslistener.alerts.delivery.message.Wording;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.RouteSelection;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.Watch;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteSelectorTest {
  private static final Instant T = Instant.parse("2026-06-02T14:00:00Z");
  private static final AlertSettings ESCALATE = new AlertSettings(1.0, 5, null, true);

  private final Routes routes = new Routes(List.of(route("trust-comms"), route("trust-oncall"), route("icb-comms"),
      route("fallback")));
  private final Map<String, Watch> watches = Map.of(
      "north-trust", TestAlerts.watch("north-trust", "North Trust", "north-icb", List.of(
          new RouteSelection("trust-comms", Severity.LOW), new RouteSelection("trust-oncall", Severity.HIGH)),
          ESCALATE),
      "quiet-trust", TestAlerts.watch("quiet-trust", "Quiet Trust", "north-icb", List.of(), AlertSettings.DEFAULTS),
      "typo-trust", TestAlerts.watch("typo-trust", "Typo Trust", null, List.of(
          new RouteSelection("trust-coms", null), new RouteSelection("trust-comms", null)), AlertSettings.DEFAULTS),
      "north-icb", TestAlerts.watch("north-icb", "North ICB", null, List.of(
          new RouteSelection("icb-comms", Severity.MEDIUM), new RouteSelection("trust-comms", Severity.LOW)),
          AlertSettings.DEFAULTS));
  private final RouteSelector selector = new RouteSelector(routes, id -> Optional.ofNullable(watches.get(id)),
      List.of("fallback"));

  private static Route route(String id) {
    return new Route(id, new LogChannel(id, "info", new PlainTextMessage(new Wording(ZoneId.of("UTC")))), null);
  }

  private List<String> select(String orgId, Severity severity) {
    RouteSelector.Selection selection = selector.select(
        TestAlerts.spike(orgId, T, severity, AlertStatus.FIRING), severity);
    return selection.routes().stream().map(Route::id).toList();
  }

  @Test
  void routesReachedByTheSeverity() {
    assertEquals(List.of("trust-comms"), select("north-trust", Severity.MEDIUM));
  }

  @Test
  void highAlertsAlsoGoToTheParentWhenTheOrganisationEscalatesEachRouteOnce() {
    assertEquals(List.of("trust-comms", "trust-oncall", "icb-comms"), select("north-trust", Severity.HIGH));
  }

  @Test
  void noEscalationWithoutTheSetting() {
    assertEquals(List.of("fallback"), select("quiet-trust", Severity.CRITICAL));
  }

  @Test
  void organisationsWithoutRoutesOrNotInTheWatchlistUseTheDefaults() {
    assertEquals(List.of("fallback"), select("quiet-trust", Severity.LOW));
    assertEquals(List.of("fallback"), select("unknown-trust", Severity.LOW));
  }

  @Test
  void routeIdsThatAreNotDefinedAreReported() {
    RouteSelector.Selection selection = selector.select(
        TestAlerts.spike("typo-trust", T, Severity.LOW, AlertStatus.FIRING), Severity.LOW);
    assertEquals(List.of("trust-comms"), selection.routes().stream().map(Route::id).toList());
    assertEquals(List.of("trust-coms"), selection.unknownRouteIds());
  }
}
