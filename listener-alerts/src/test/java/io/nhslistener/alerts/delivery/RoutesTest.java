package io.nhslistener.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.core.config.ConfigException;
import io.nhslistener.core.config.ConfigLoader;
import io.nhslistener.core.config.ConfigProblem;
import io.nhslistener.core.config.ConfigSchema;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.config.Setting;
import io.nhslistener.core.model.QuietHours;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {
  private static ListenerConfig parse(String yaml) {
    List<Setting<?>> all = new ArrayList<>(CoreSettings.ALL);
    all.addAll(AlertsSettings.ALL);
    return new ConfigLoader(ConfigSchema.of(all), List.of(AlertsSettings.ROUTES),
        Map.of("SLACK_URL", "https://hooks.slack.com/services/T0/B0/abc", "SMTP_PASSWORD", "pw"))
        .parse(yaml, "test.yaml");
  }

  private static List<String> problems(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> Routes.fromConfig(parse(yaml), Clock.systemUTC()));
    return e.problems().stream().map(ConfigProblem::render).toList();
  }

  @Test
  void buildsEveryChannel() {
    Routes routes = Routes.fromConfig(parse("""
        alerts:
          defaultRoutes: [console]
        routes:
          north-hook:
            channel: webhook
            url: https://alerts.north.example.nhs.uk/listener
            secret: a-secret-of-twenty-chars
          north-slack:
            channel: slack
            url: ${env:SLACK_URL}
            quietHours: {from: "22:00", to: "07:00", zone: Europe/London}
          icb-teams:
            channel: teams
            url: https://prod-01.uksouth.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=xyz
          icb-email:
            channel: email
            host: smtp.example.nhs.uk
            username: listener
            password: ${env:SMTP_PASSWORD}
            from: alerts@listener.example.nhs.uk
            to: [comms@icb.example.nhs.uk]
          console:
            channel: log
        """), Clock.systemUTC());
    assertEquals(List.of("console", "icb-email", "icb-teams", "north-hook", "north-slack"),
        routes.ids().stream().sorted().toList());
    assertEquals("slack", routes.find("north-slack").orElseThrow().channel().type());
    assertEquals(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), "Europe/London"),
        routes.find("north-slack").orElseThrow().quietHours());
    assertEquals("email", routes.find("icb-email").orElseThrow().channel().type());
    assertFalse(routes.find("north-hook").orElseThrow().channel().groupsAlerts());
  }

  @Test
  void reportsEveryProblemNamingKeyValueAndReasonWithoutEchoingSecrets() {
    List<String> problems = problems("""
        alerts:
          defaultRoutes: [nowhere]
        routes:
          plain-hook:
            channel: webhook
            url: http://alerts.example.nhs.uk/listener
            secret: short
          bad-slack:
            channel: slack
            url: https://hooks.slack.com/services/T0/B0/secret-token with space
          half-quiet:
            channel: log
            quietHours: {from: "22:00"}
          mail:
            channel: email
            host: smtp.example.nhs.uk
            security: none
            username: listener
            password: pw
            from: not an address
            to: [comms@example.nhs.uk]
        """);
    assertTrue(problems.contains(
        "routes.plain-hook.url = http://alerts.example.nhs.uk/listener: must use https (plain http only to a "
            + "loopback address)"), problems.toString());
    assertTrue(problems.contains("routes.plain-hook.secret = ****: needs at least 16 characters"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("routes.bad-slack.url = ****: not a valid URL")),
        problems.toString());
    assertTrue(problems.contains("routes.half-quiet.quietHours.to: quiet hours need both from and to"),
        problems.toString());
    assertTrue(problems.contains("routes.mail.from = not an address: not a valid e-mail address"),
        problems.toString());
    assertTrue(problems.contains(
        "routes.mail.security = none: would send the SMTP password in clear text; use starttls or tls"),
        problems.toString());
    assertTrue(problems.contains("alerts.defaultRoutes = nowhere: no route with this id under routes:"),
        problems.toString());
    assertFalse(problems.toString().contains("secret-token"), "a chat URL is a credential");
  }

  @Test
  void theSchemaRejectsUnknownChannelsAndKeys() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse("""
        routes:
          pager:
            channel: pagerduty
          console:
            channel: log
            colour: red
        """));
    List<String> problems = e.problems().stream().map(ConfigProblem::render).toList();
    assertTrue(problems.contains("routes.pager.channel = pagerduty: unknown; one of [email, log, slack, teams, "
        + "webhook]"), problems.toString());
    assertTrue(problems.contains("routes.console.colour: unknown key"), problems.toString());
  }

  @Test
  void plainHttpIsAcceptedToLoopbackOnly() {
    Routes routes = Routes.fromConfig(parse("""
        routes:
          local:
            channel: webhook
            url: http://127.0.0.1:8080/hook
            secret: a-secret-of-twenty-chars
        """), Clock.systemUTC());
    assertEquals(List.of("local"), List.copyOf(routes.ids()));
  }
}
