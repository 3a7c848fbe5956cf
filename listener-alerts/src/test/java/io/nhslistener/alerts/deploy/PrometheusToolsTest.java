package io.nhslistener.alerts.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.alerts.delivery.TestAlerts;
import io.nhslistener.alerts.metrics.AlertMeters;
import io.nhslistener.alerts.metrics.DeliveryMeters;
import io.nhslistener.core.deadletter.DeadLetters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy files through the tools that will read them: promtool and amtool from Debian's {@code prometheus} and
 * {@code prometheus-alertmanager} packages. Runs in the Maven profile {@code prometheus} only.
 */
@Tag("prometheus")
class PrometheusToolsTest {
  @TempDir Path tmp;

  private final Tool promtool = Tool.require("promtool", "prometheus");

  @Test
  void thePrometheusConfigurationIsValid() throws Exception {
    Tool.Result result = promtool.run(RepoFiles.root(), null, "check", "config", "deploy/prometheus/prometheus.yml");
    assertTrue(result.ok(), result.output());
    assertTrue(result.output().contains("1 rule files found"), result.output());
  }

  @Test
  void theAlertingRulesPassTheirUnitTests() throws Exception {
    Tool.Result result = promtool.run(RepoFiles.root(), null, "test", "rules",
        "deploy/prometheus/tests/listener-test.yml");
    assertTrue(result.ok(), result.output());
    assertTrue(result.output().contains("SUCCESS"), result.output());
  }

  @Test
  void theAlertmanagerConfigurationIsValid() throws Exception {
    Tool amtool = Tool.require("amtool", "prometheus-alertmanager");
    Tool.Result result = amtool.run(RepoFiles.root(), null, "check-config", "deploy/alertmanager/alertmanager.yml");
    assertTrue(result.ok(), result.output());
    assertFalse(result.output().contains("FAILED"), result.output());
  }

  @Test
  void everyDashboardQueryIsValidPromQl() throws Exception {
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    int n = 0;
    for (Map.Entry<String, List<String>> panel : RepoFiles.dashboardQueries().entrySet()) {
      for (String expr : panel.getValue()) {
        rules.append("      - record: dashboard:query").append(++n).append('\n')
            .append("        expr: '").append(RepoFiles.substitute(expr).replace("'", "''")).append("'\n");
      }
    }
    Path file = tmp.resolve("dashboard-queries.yml");
    Files.writeString(file, rules.toString());
    Tool.Result result = promtool.run(tmp, null, "check", "rules", file.toString());
    assertTrue(result.ok(), rules + "\n" + result.output());
    assertTrue(result.output().contains(n + " rules found"), result.output());
  }

  @Test
  void theCheckerRejectsABrokenQuery() throws Exception {
    Path file = tmp.resolve("broken.yml");
    Files.writeString(file, "groups:\n  - name: x\n    rules:\n      - record: x:y\n        expr: 'sum by (a (b)'\n");
    assertFalse(promtool.run(tmp, null, "check", "rules", file.toString()).ok());
  }

  @Test
  void ourMetersPassPromtoolsLint() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Instant t = Instant.parse("2026-06-02T14:00:00Z");
    AlertMeters alerts = new AlertMeters(registry);
    alerts.raised(TestAlerts.spike("north-trust", t));
    alerts.track(TestAlerts.spike("north-trust", t));
    DeliveryMeters delivery = new DeliveryMeters(registry);
    delivery.count("slack", DeliveryMeters.Outcome.DELIVERED);
    delivery.pending("slack", 1);
    delivery.delivered("slack", Duration.ofSeconds(30));
    new DeadLetters(registry, Clock.systemUTC()).count("delivery", DeadLetters.Reason.PROCESSING);
    Tool.Result result = promtool.run(tmp, registry.scrape(), "check", "metrics");
    assertTrue(result.ok(), result.output());
  }
}
