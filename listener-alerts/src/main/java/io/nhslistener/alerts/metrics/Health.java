package io.nhslistener.alerts.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * The state reported at {@code GET /health}: up only when every component is up.
 *
 * @param components each component's state by name, e.g. {@code broker}, {@code streams}, {@code delivery}
 */
public record Health(Map<String, Boolean> components) {
  public Health {
    components = Map.copyOf(components);
  }

  public boolean up() {
    return components.values().stream().allMatch(Boolean::booleanValue);
  }

  /** {@code {"status":"UP","components":{"broker":"UP",…}}}, components sorted by name. */
  public String toJson() {
    StringBuilder json = new StringBuilder("{\"status\":\"").append(word(up())).append("\",\"components\":{");
    boolean first = true;
    for (Map.Entry<String, Boolean> component : new TreeMap<>(components).entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      json.append('"').append(escape(component.getKey())).append("\":\"").append(word(component.getValue()))
          .append('"');
    }
    return json.append("}}").toString();
  }

  private static String word(boolean up) {
    return up ? "UP" : "DOWN";
  }

  private static String escape(String name) {
    return name.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
