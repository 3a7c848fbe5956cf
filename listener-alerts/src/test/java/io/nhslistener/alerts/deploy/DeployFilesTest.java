package io.nhslistener.alerts.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.alerts.delivery.DashboardLinks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the docker-compose stack without Docker: every file parses, every file a service, the
 * Dockerfile or a configuration refers to exists, images are pinned, and the dashboard, rules and docs agree on the
 * meters. The tools' own checks ({@code promtool}, {@code amtool}) run in {@link PrometheusToolsTest}.
 */
class DeployFilesTest {
  private static final Pattern PINNED = Pattern.compile("[a-z0-9./_-]+:(v?\\d+[\\w.+-]*)");
  private static final Set<String> FOREIGN_PREFIXES = Set.of("kafka_", "jvm_", "process_", "system_", "up");

  @Test
  void everyComposeServiceIsPinnedOrBuiltAndItsMountsExist() throws IOException {
    JsonNode compose = RepoFiles.yaml("docker-compose.yml");
    JsonNode services = compose.get("services");
    assertTrue(services.size() >= 8, "kafka, three listener roles, prometheus, alertmanager, grafana, mailpit");
    for (String expected : List.of("kafka", "listener-ingest", "listener-streams", "listener-alerts", "prometheus",
        "alertmanager", "grafana", "mailpit")) {
      assertTrue(services.has(expected), "service " + expected);
    }
    Set<String> named = new HashSet<>();
    compose.get("volumes").fieldNames().forEachRemaining(named::add);
    services.properties().forEach(service -> {
      JsonNode spec = service.getValue();
      String image = spec.path("image").asText();
      assertTrue(PINNED.matcher(image).matches() && !image.endsWith(":latest"),
          service.getKey() + " image is pinned: " + image);
      if (spec.has("build")) {
        Path context = RepoFiles.root().resolve(spec.at("/build/context").asText());
        assertTrue(Files.isRegularFile(context.resolve(spec.at("/build/dockerfile").asText())),
            service.getKey() + " Dockerfile");
      }
      spec.path("volumes").forEach(volume -> {
        String source = volume.asText().split(":")[0];
        if (source.startsWith("./")) {
          assertTrue(Files.exists(RepoFiles.path(source.substring(2))), service.getKey() + " mounts " + source);
        } else {
          assertTrue(named.contains(source), service.getKey() + " uses undeclared volume " + source);
        }
      });
    });
    assertEquals("apache/kafka", services.at("/kafka/image").asText().split(":")[0], "the official Kafka image");
    assertEquals("broker,controller", services.at("/kafka/environment/KAFKA_PROCESS_ROLES").asText(), "KRaft");
  }

  @Test
  void theListenerRolesRunTheirRoleWithTheMountedConfiguration() throws IOException {
    JsonNode services = RepoFiles.yaml("docker-compose.yml").get("services");
    for (String role : List.of("ingest", "streams", "alerts")) {
      JsonNode command = services.at("/listener-" + role + "/command");
      assertEquals(List.of("run", "--config", "/etc/listener/listener.yaml", "--role", role),
          List.of(command.get(0).asText(), command.get(1).asText(), command.get(2).asText(), command.get(3).asText(),
              command.get(4).asText()));
    }
    JsonNode listener = RepoFiles.yaml("deploy/listener/listener.yaml");
    assertEquals("kafka:9092", listener.at("/kafka/bootstrap.servers").asText());
    assertEquals("0.0.0.0:9404", listener.at("/metrics/address").asText(), "reachable by Prometheus in the stack");
    assertEquals("/etc/listener/watchlist.yaml", listener.get("watchlist").asText());
  }

  @Test
  void theDockerfilePinsItsImagesAndCopiesOnlyWhatExists() throws IOException {
    List<String> lines = Files.readAllLines(RepoFiles.path("Dockerfile"));
    List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertEquals(2, froms.size(), "a build and a run stage");
    for (String from : froms) {
      String image = from.split("\\s+")[1];
      assertTrue(PINNED.matcher(image).matches() && !image.endsWith(":latest"), "pinned: " + from);
    }
    for (String line : lines) {
      if (line.startsWith("COPY ") && !line.contains("--from=")) {
        String[] parts = line.split("\\s+");
        for (int i = 1; i < parts.length - 1; i++) {
          assertTrue(Files.exists(RepoFiles.path(parts[i])), "COPY source " + parts[i]);
        }
      }
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("USER ")), "runs as an unprivileged user");
  }

  @Test
  void prometheusScrapesEveryRoleAndLoadsRulesThatExist() throws IOException {
    JsonNode prometheus = RepoFiles.yaml("deploy/prometheus/prometheus.yml");
    for (JsonNode glob : prometheus.get("rule_files")) {
      Path dir = RepoFiles.path("deploy/prometheus").resolve(glob.asText()).getParent();
      try (var files = Files.list(dir)) {
        assertTrue(files.anyMatch(f -> f.toString().endsWith(".yml")), "rule files for " + glob.asText());
      }
    }
    Set<String> targets = new TreeSet<>();
    for (JsonNode job : prometheus.get("scrape_configs")) {
      if (job.get("job_name").asText().equals("listener")) {
        job.get("static_configs").forEach(c -> c.get("targets").forEach(t -> targets.add(t.asText())));
      }
    }
    assertEquals(Set.of("listener-ingest:9404", "listener-streams:9404", "listener-alerts:9404"), targets);
    JsonNode services = RepoFiles.yaml("docker-compose.yml").get("services");
    String alertmanager = prometheus.at("/alerting/alertmanagers/0/static_configs/0/targets/0").asText();
    assertTrue(services.has(alertmanager.split(":")[0]), alertmanager);
    String smarthost = RepoFiles.yaml("deploy/alertmanager/alertmanager.yml").at("/global/smtp_smarthost").asText();
    assertTrue(services.has(smarthost.split(":")[0]), "Alertmanager mails a service of the stack: " + smarthost);
  }

  @Test
  void grafanaIsProvisionedWithTheDashboardTheMessagesLinkTo() throws IOException {
    JsonNode datasource = RepoFiles.yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
        .at("/datasources/0");
    assertEquals("prometheus", datasource.get("type").asText());
    assertEquals("http://prometheus:9090", datasource.get("url").asText());
    String uid = datasource.get("uid").asText();
    JsonNode provider = RepoFiles.yaml("deploy/grafana/provisioning/dashboards/listener.yml").at("/providers/0");
    assertEquals("/var/lib/grafana/dashboards", provider.at("/options/path").asText());

    JsonNode dashboard = RepoFiles.json("deploy/grafana/dashboards/nhs-listener.json");
    assertEquals(DashboardLinks.DASHBOARD_UID, dashboard.get("uid").asText(), "alert messages link to this uid");
    JsonNode variable = dashboard.at("/templating/list/0");
    assertEquals("org", variable.get("name").asText(), "the links set var-org");
    List<String> titles = new ArrayList<>();
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      assertTrue(ids.add(panel.get("id").asInt()), "panel ids are unique");
      if (panel.get("type").asText().equals("row")) {
        continue;
      }
      titles.add(panel.get("title").asText());
      assertFalse(panel.path("description").asText().isBlank(), panel.get("title") + " explains itself");
      assertEquals(uid, panel.at("/datasource/uid").asText(), panel.get("title").asText());
      assertTrue(panel.get("targets").size() >= 1, panel.get("title").asText());
      panel.get("targets").forEach(t -> assertEquals(uid, t.at("/datasource/uid").asText()));
    }
    assertTrue(titles.containsAll(List.of("Mentions per window", "Mean sentiment", "Negative share", "Alerts raised",
        "Mentions ingested per source", "Consumer lag", "Processes up")), titles.toString());
    JsonNode annotation = dashboard.at("/annotations/list/1");
    assertTrue(annotation.get("expr").asText().contains("listener_alerts_active{organisation=~\"$org\"}"),
        "alerts as annotations, following the organisation selector");
    for (String organisationPanel : List.of("Mentions per window", "Mean sentiment", "Negative share",
        "Alerts raised", "Active alerts")) {
      assertTrue(RepoFiles.dashboardQueries().get(organisationPanel).stream().allMatch(q -> q.contains("$org")),
          organisationPanel + " follows the organisation selector");
    }
  }

  @Test
  void theDashboardAndTheRulesUseOnlyCanonicalMeters() throws IOException {
    Set<String> canonical = RepoFiles.canonicalMeters();
    assertTrue(canonical.contains("listener_alert_deliveries_total"), "the table in docs/operations.md was read");
    Set<String> used = new TreeSet<>();
    RepoFiles.dashboardQueries().values().forEach(exprs -> exprs.forEach(e -> used.addAll(RepoFiles.metricNames(e))));
    JsonNode rules = RepoFiles.yaml("deploy/prometheus/rules/listener.yml");
    for (JsonNode group : rules.get("groups")) {
      group.get("rules").forEach(rule -> used.addAll(RepoFiles.metricNames(rule.get("expr").asText())));
    }
    assertTrue(used.contains("listener_windows_last_count"), used.toString());
    for (String name : used) {
      String family = name.replaceAll("_(bucket|sum|count)$", "");
      boolean foreign = FOREIGN_PREFIXES.stream().anyMatch(name::startsWith);
      assertTrue(foreign || canonical.contains(name) || canonical.contains(family),
          name + " is used but not in the table of docs/operations.md");
    }
  }

  @Test
  void theMetricExtractorFindsNamesAndNothingElse() {
    assertEquals(Set.of("listener_alerts_total"),
        RepoFiles.metricNames("sum by (organisation, kind) (increase(listener_alerts_total{organisation=~\"$org\"}"
            + "[$__rate_interval])) > 0"));
    assertEquals(Set.of("listener_latency_delivered_seconds_bucket"), RepoFiles.metricNames(
        "histogram_quantile(0.95, sum by (le) (rate(listener_latency_delivered_seconds_bucket[5m])))"));
    assertEquals(Set.of("listener_ingest_last_fetch_seconds"),
        RepoFiles.metricNames("time() - listener_ingest_last_fetch_seconds > 900"));
  }

  @Test
  void everyDocumentedMeterOfThisModuleIsOneItRegisters() throws IOException {
    Set<String> canonical = RepoFiles.canonicalMeters();
    Map<String, String> ours = Map.of(
        "listener_alerts_total", "listener.alerts",
        "listener_alerts_active", "listener.alerts.active",
        "listener_alert_deliveries_total", "listener.alert.deliveries",
        "listener_alert_delivery_pending", "listener.alert.delivery.pending",
        "listener_latency_delivered_seconds", "listener.latency.delivered");
    assertTrue(canonical.containsAll(ours.keySet()), canonical.toString());
    String source = Files.readString(RepoFiles.path(
        "listener-alerts/src/main/java/io/nhslistener/alerts/metrics/AlertMeters.java"))
        + Files.readString(RepoFiles.path(
        "listener-alerts/src/main/java/io/nhslistener/alerts/metrics/DeliveryMeters.java"));
    for (String micrometerName : ours.values()) {
      Matcher quoted = Pattern.compile("\"" + Pattern.quote(micrometerName) + "\"").matcher(source);
      assertTrue(quoted.find(), micrometerName);
    }
  }
}
