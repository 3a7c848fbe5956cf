package io.nhslistener.alerts.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's deployment files, read from the module's parent directory. */
public final class RepoFiles {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*(?:\\{|\\[|\\)|$|\\s)");
  private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "by", "without",
      "rate", "increase", "deriv", "time", "histogram_quantile", "and", "or", "unless", "vector", "label_values",
      "on", "ignoring", "group_left", "group_right", "offset", "bool", "abs", "clamp_min", "delta", "irate");

  private RepoFiles() {}

  /** The repository root: the nearest ancestor of the working directory holding docker-compose.yml. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
      dir = dir.getParent();
    }
    assertTrue(dir != null, "no docker-compose.yml above " + Path.of("").toAbsolutePath());
    return dir;
  }

  public static Path path(String relative) {
    return root().resolve(relative);
  }

  public static JsonNode yaml(String relative) throws IOException {
    return YAML.readTree(path(relative).toFile());
  }

  public static JsonNode json(String relative) throws IOException {
    return JSON.readTree(path(relative).toFile());
  }

  /** Every target expression of the dashboard's panels by panel title, and the annotation and variable queries. */
  public static Map<String, List<String>> dashboardQueries() throws IOException {
    JsonNode dashboard = json("deploy/grafana/dashboards/nhs-listener.json");
    Map<String, List<String>> queries = new LinkedHashMap<>();
    for (JsonNode panel : dashboard.get("panels")) {
      if (panel.get("type").asText().equals("row")) {
        continue;
      }
      List<String> exprs = new ArrayList<>();
      panel.get("targets").forEach(target -> exprs.add(target.get("expr").asText()));
      queries.put(panel.get("title").asText(), exprs);
    }
    for (JsonNode annotation : dashboard.at("/annotations/list")) {
      if (annotation.has("expr")) {
        queries.put("annotation " + annotation.get("name").asText(), List.of(annotation.get("expr").asText()));
      }
    }
    return queries;
  }

  /** A dashboard query with Grafana's variables replaced, as Grafana sends it with every organisation selected. */
  public static String substitute(String expr) {
    return expr.replace("$org", ".+").replace("$__rate_interval", "1m").replace("$__interval", "1m");
  }

  /** Metric names a PromQL expression uses (identifiers that are not functions, keywords or label names). */
  public static Set<String> metricNames(String expr) {
    String withoutStrings = expr.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\{[^}]*}", "{}")
        .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC.matcher(withoutStrings);
    while (m.find()) {
      String name = m.group(1);
      if (!PROMQL_WORDS.contains(name) && !name.matches("\\d.*")) {
        names.add(name);
      }
    }
    return names;
  }

  /** The Prometheus names in the canonical meter table of docs/operations.md. */
  public static Set<String> canonicalMeters() throws IOException {
    Set<String> names = new TreeSet<>();
    Pattern row = Pattern.compile("^\\| `(listener_[a-z0-9_]+)` \\|");
    for (String line : Files.readAllLines(path("docs/operations.md"))) {
      Matcher m = row.matcher(line);
      if (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }
}
