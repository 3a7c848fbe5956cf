package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An organisation with its watch rules, notification routes and alert settings: the value of the compacted
 * {@code listener.rules} topic, keyed by organisation id (a tombstone removes the organisation).
 *
 * @param v schema version
 * @param org the organisation
 * @param rules its keyword rules, ids unique within the organisation
 * @param routes where its alerts go
 * @param alerting its alert settings ({@link AlertSettings#DEFAULTS} when absent)
 */
public record Watch(
    @JsonProperty(required = true) int v,
    @JsonProperty(required = true) Organisation org,
    List<WatchRule> rules,
    List<RouteSelection> routes,
    AlertSettings alerting) {

  private static final String TYPE = "Watch";

  public Watch {
    Fields.schemaVersion(TYPE, v);
    Fields.required(TYPE, "org", org);
    rules = Fields.list(rules);
    routes = Fields.list(routes);
    if (alerting == null) {
      alerting = AlertSettings.DEFAULTS;
    }
    Set<String> ids = new HashSet<>();
    for (WatchRule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new RecordFormatException(TYPE, "rules", rule.id(), "duplicate rule id in organisation " + org.id());
      }
    }
  }

  public static Watch of(Organisation org, List<WatchRule> rules, List<RouteSelection> routes, AlertSettings alerting) {
    return new Watch(SchemaVersion.CURRENT, org, rules, routes, alerting);
  }

  /** The organisation id, which is also this record's key. */
  public String orgId() {
    return org.id();
  }
}
