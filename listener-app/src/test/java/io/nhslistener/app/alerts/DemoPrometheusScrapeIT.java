package io.nhslistener.app.alerts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nhslistener.app.broker.FreePorts;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's {@code prometheus} package) scrapes a running {@code listener demo} started from the
 * shaded jar in a child process, with the listener's alerting rules loaded, and every query of the Grafana dashboard
 * must return data. Runs in the Maven profile {@code prometheus} only, after {@code package}.
 */
@Tag("prometheus")
class DemoPrometheusScrapeIT {
  private static final Duration DEMO_LENGTH = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void everyDashboardPanelHasDataFromARunningDemo() throws Exception {
    Path jar = Path.of("target", "listener.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "run after package: " + jar + " is missing");
    Path prometheusBinary = onPath("prometheus").orElseThrow(() -> new AssertionError(
        "prometheus is not on the PATH: apt-get install -y prometheus (the prometheus profile needs it)"));
    Path repo = repoRoot();
    int metricsPort = FreePorts.pick();
    int prometheusPort = FreePorts.pick();

    Process demo = startDemo(jar, metricsPort);
    Process prometheus = null;
    try {
      await().atMost(Duration.ofSeconds(120)).until(() -> status("http://127.0.0.1:" + metricsPort + "/health") == 200
          || !demo.isAlive());
      assertTrue(demo.isAlive(), "the demo exited early:\n" + tail(dir.resolve("demo-stderr.txt")));

      Path config = dir.resolve("prometheus.yml");
      Files.writeString(config, String.join("\n",
          "global:",
          "  scrape_interval: 1s",
          "  evaluation_interval: 1s",
          "rule_files:",
          "  - " + repo.resolve("deploy/prometheus/rules/listener.yml"),
          "scrape_configs:",
          "  - job_name: listener",
          "    static_configs:",
          "      - targets: ['127.0.0.1:" + metricsPort + "']",
          "        labels: {role: all}",
          ""));
      prometheus = new ProcessBuilder(prometheusBinary.toString(), "--config.file=" + config,
          "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort)
          .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
      String api = "http://127.0.0.1:" + prometheusPort;
      await().atMost(Duration.ofSeconds(60)).until(() -> status(api + "/-/ready") == 200);

      Map<String, String> queries = dashboardQueries(repo);
      List<String> empty = new ArrayList<>(queries.keySet());
      await().atMost(DEMO_LENGTH.minusSeconds(30)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
        assertTrue(demo.isAlive(), "the demo stopped:\n" + tail(dir.resolve("demo-stderr.txt")));
        empty.removeIf(panel -> hasData(api, queries.get(panel)));
        assertEquals(List.of(), empty, "dashboard queries without data from the demo so far");
      });
      assertEquals(1.0, value(api, "up{job=\"listener\"}"), "Prometheus scraped the demo");
      assertLabelsBoundedAndImpersonal(getText("http://127.0.0.1:" + metricsPort + "/metrics"));
    } finally {
      if (prometheus != null) {
        prometheus.destroy();
        prometheus.waitFor(30, TimeUnit.SECONDS);
      }
      demo.destroy();
      if (!demo.waitFor(60, TimeUnit.SECONDS)) {
        demo.destroyForcibly();
      }
    }
  }

  private Process startDemo(Path jar, int metricsPort) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-jar", jar.toString(), "demo", "--for", DEMO_LENGTH.toSeconds() + "s", "--data-dir",
        dir.resolve("demo-data").toString())
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("demo-stdout.txt").toFile())
        .redirectError(dir.resolve("demo-stderr.txt").toFile());
    builder.environment().put("LISTENER_METRICS_ADDRESS", "127.0.0.1:" + metricsPort);
    builder.environment().put("LISTENER_BROKER_PORT", Integer.toString(FreePorts.pick()));
    builder.environment().put("LISTENER_BROKER_CONTROLLER_PORT", Integer.toString(FreePorts.pick()));
    return builder.start();
  }

  /**
   * Each panel's queries (and the annotation and variable queries) as Grafana sends them with every organisation, each
   * asked whether it had data at any moment of the run: at 1200x an alert is active for seconds of real time, which
   * Grafana would show over its time range but a single instant query can miss.
   */
  private static Map<String, String> dashboardQueries(Path repo) throws Exception {
    JsonNode dashboard = JSON.readTree(repo.resolve("deploy/grafana/dashboards/nhs-listener.json").toFile());
    Map<String, String> queries = new LinkedHashMap<>();
    for (JsonNode panel : dashboard.get("panels")) {
      if (!panel.get("type").asText().equals("row")) {
        for (JsonNode target : panel.get("targets")) {
          queries.put(panel.get("title").asText() + " [" + target.get("refId").asText() + "]",
              overTheRun(target.get("expr").asText()));
        }
      }
    }
    for (JsonNode annotation : dashboard.at("/annotations/list")) {
      if (annotation.has("expr")) {
        queries.put("annotation " + annotation.get("name").asText(), overTheRun(annotation.get("expr").asText()));
      }
    }
    String variable = dashboard.at("/templating/list/0/query/query").asText();
    assertTrue(variable.startsWith("label_values("), variable);
    String[] parts = variable.substring("label_values(".length(), variable.length() - 1).split(",");
    queries.put("variable org", "count by (" + parts[1].strip() + ") (" + parts[0].strip() + ")");
    return queries;
  }

  private static String overTheRun(String expr) {
    return "max_over_time((" + grafanaVariables(expr) + ")[10m:1s])";
  }

  private static String grafanaVariables(String expr) {
    return expr.replace("$org", ".+").replace("$__rate_interval", "1m");
  }

  private boolean hasData(String api, String query) {
    try {
      JsonNode response = get(api + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
      assertEquals("success", response.get("status").asText(), query + ": " + response);
      return response.at("/data/result").size() > 0;
    } catch (Exception e) {
      throw new AssertionError("querying " + query + " failed", e);
    }
  }

  private double value(String api, String query) throws Exception {
    JsonNode result = get(api + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
        .at("/data/result/0/value/1");
    return Double.parseDouble(result.asText());
  }

  private JsonNode get(String url) throws Exception {
    return JSON.readTree(getText(url));
  }

  private String getText(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  /**
   * Every label of the listener's own meters is one of the bounded names, and no label value anywhere in the scrape
   * (Kafka's and the JVM's included) holds an e-mail address, a handle, an NHS number or a mention id, after real
   * scenario traffic went through every role.
   */
  private static void assertLabelsBoundedAndImpersonal(String scrape) {
    Set<String> allowed = Set.of("organisation", "source", "kind", "severity", "channel", "outcome", "stage",
        "reason", "status", "le");
    List<Pattern> personal = List.of(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
        Pattern.compile("(^|\\s)@[A-Za-z0-9_]+"), Pattern.compile("\\b\\d{3}\\s?\\d{3}\\s?\\d{4}\\b"),
        Pattern.compile("^(mastodon|bluesky|reddit|rss|x|replay|synthetic|demo)[a-z0-9-]*:.+"));
    Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    int checked = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith("#") || line.indexOf('{') < 0) {
        continue;
      }
      String name = line.substring(0, line.indexOf('{'));
      Matcher m = label.matcher(line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1));
      while (m.find()) {
        checked++;
        if (name.startsWith("listener_")) {
          assertTrue(allowed.contains(m.group(1)), name + " has label " + m.group(1));
        }
        for (Pattern pattern : personal) {
          assertTrue(!pattern.matcher(m.group(2)).find(), line + " has a personal-looking label value");
        }
      }
    }
    assertTrue(checked > 100, "labels were read: " + checked);
  }

  private int status(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1; // not listening yet: the caller polls again
    }
  }

  private static Optional<Path> onPath(String name) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(entry, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Path repoRoot() {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("docker-compose.yml"))) {
      root = root.getParent();
    }
    assertTrue(root != null, "no repository root above the working directory");
    return root;
  }

  private static String tail(Path file) throws Exception {
    if (!Files.exists(file)) {
      return "(no output)";
    }
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
