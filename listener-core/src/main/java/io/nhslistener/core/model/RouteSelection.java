package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A notification route an organisation's alerts go to.
 *
 * @param route route id defined under {@code routes:} in {@code listener.yaml}
 * @param minSeverity lowest severity sent on this route (null means {@link Severity#LOW})
 */
public record RouteSelection(@JsonProperty(required = true) String route, Severity minSeverity) {
  public RouteSelection {
    Fields.requiredText("RouteSelection", "route", route);
    if (minSeverity == null) {
      minSeverity = Severity.LOW;
    }
  }
}
