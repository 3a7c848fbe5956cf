package io.nhslistener.app.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.alerts.delivery.Routes;
import io.nhslistener.app.process.Role;
import io.nhslistener.core.config.ConfigException;
import io.nhslistener.core.config.ConfigProblem;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.config.ValueTypes;
import io.nhslistener.ingest.IngestRole;
import io.nhslistener.streams.StreamsSettings;
import io.nhslistener.streams.windows.WindowConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks that need more than one key, or a key's meaning, run before anything starts: the roles' own validation
 * (window settings, routes, sources, the pseudonymisation key) done once up front instead of when each role starts,
 * so that a mistake found there never leaves a broker, an endpoint or another role half started. Builds nothing that
 * keeps running.
 */
public final class Preflight {
  private Preflight() {}

  /**
   * Checks what the given roles will need.
   *
   * @throws ConfigException with every problem found
   */
  public static void check(ListenerConfig config, Set<Role> roles, Clock clock) {
    List<ConfigProblem> problems = new ArrayList<>(embeddedBrokerSecurity(config));
    if (roles.contains(Role.STREAMS)) {
      collect(problems, () -> WindowConfig.from(config));
    }
    if (roles.contains(Role.ALERTS)) {
      Duration alertsWindow = config.get(AlertsSettings.WINDOW);
      Duration streamsWindow = config.get(StreamsSettings.WINDOW);
      if (!alertsWindow.equals(streamsWindow)) {
        problems.add(new ConfigProblem(AlertsSettings.WINDOW.name(), ValueTypes.format(alertsWindow),
            "must equal streams.window (" + ValueTypes.format(streamsWindow) + "): the detector judges those windows"));
      }
      collect(problems, () -> Routes.fromConfig(config, clock));
    }
    if (roles.contains(Role.INGEST)) {
      // Building the role (not starting it) checks the key's length and every source's settings.
      collect(problems, () -> new IngestRole(config, config.kafka(), new SimpleMeterRegistry(), clock).close());
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /**
   * The embedded broker listens in plaintext on {@code broker.host}: security settings under {@code kafka:} only make
   * sense for an external cluster, and would leave every client unable to connect.
   */
  private static List<ConfigProblem> embeddedBrokerSecurity(ListenerConfig config) {
    String protocol = config.kafka().get("security.protocol");
    if (config.usesEmbeddedBroker() && protocol != null && !protocol.toUpperCase(Locale.ROOT).equals("PLAINTEXT")) {
      return List.of(new ConfigProblem("kafka.security.protocol", protocol, "needs kafka.bootstrap.servers: the "
          + "embedded broker (used when it is absent) listens in PLAINTEXT on broker.host only"));
    }
    return List.of();
  }

  private static void collect(List<ConfigProblem> problems, Runnable check) {
    try {
      check.run();
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
  }
}
