package io.nhslistener.app.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.app.config.AppConfig;
import io.nhslistener.app.config.Preflight;
import io.nhslistener.app.process.ListenerProcess;
import io.nhslistener.app.process.Role;
import io.nhslistener.app.process.RoleLaunchers;
import io.nhslistener.app.process.StopSignal;
import io.nhslistener.app.process.Watchlists;
import io.nhslistener.core.config.ConfigException;
import io.nhslistener.core.config.ConfigProblem;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code listener run}: the production entry point. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the listener with a configuration file until stopped (Ctrl-C or SIGTERM).",
        "Without kafka.bootstrap.servers in the file, an embedded broker keeps its data under dataDir."})
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "listener.yaml")
  Path configFile;

  @Option(names = "--role", defaultValue = "all", paramLabel = "ROLE",
      description = "ingest, streams, alerts or all (default: ${DEFAULT-VALUE})")
  String role;

  @Override
  public Integer call() throws Exception {
    ListenerConfig config = AppConfig.load(configFile);
    Set<Role> roles;
    try {
      roles = Role.parse(role);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of(new ConfigProblem("--role", role, e.getMessage())));
    }
    if (roles.contains(Role.INGEST) && config.find(CoreSettings.HMAC_KEY).isEmpty()) {
      throw new ConfigException(List.of(new ConfigProblem(CoreSettings.HMAC_KEY.name(), null,
          "is required to run the ingest role: " + CoreSettings.HMAC_KEY.doc())));
    }
    config.find(CoreSettings.WATCHLIST).ifPresent(file -> Watchlists.load(file, Watchlists.routeIds(config)));
    Preflight.check(config, roles, Clock.systemUTC());
    StopSignal stop = StopSignal.install();
    try (ListenerProcess process = ListenerProcess.start(config, RoleLaunchers.forRoles(roles),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC())) {
      stop.await(null);
    }
    return ExitCodes.OK;
  }
}
