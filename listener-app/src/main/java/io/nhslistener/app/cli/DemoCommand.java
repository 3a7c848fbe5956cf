package io.nhslistener.app.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.app.config.AppConfig;
import io.nhslistener.app.process.LingeringThreads;
import io.nhslistener.app.process.ListenerProcess;
import io.nhslistener.app.process.Role;
import io.nhslistener.app.process.RoleLaunchers;
import io.nhslistener.app.process.StopSignal;
import io.nhslistener.core.config.ListenerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code listener demo}: everything in one process on the embedded broker, replaying an incident scenario. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the embedded broker and every role in one process and replays a scenario.",
        "Stops after --for, or on Ctrl-C, with a summary."})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop after this long (e.g. 30s, 3m); default: run until Ctrl-C")
  Duration runFor;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/demo",
      description = "Where the demo keeps broker and state data (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ListenerConfig config = AppConfig.loader(System.getenv()).parse("dataDir: \"" + dataDir + "\"\n", "demo");
    StopSignal stop = StopSignal.install();
    long started = System.nanoTime();
    try (ListenerProcess process = ListenerProcess.start(config, RoleLaunchers.forRoles(EnumSet.allOf(Role.class)),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC())) {
      out.printf("Demo running on %s (data in %s). Ctrl-C stops it.%n",
          process.context().config().kafka().get("bootstrap.servers"), dataDir);
      out.flush();
      stop.await(runFor);
    }
    out.printf("Demo stopped after %ds.%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    List<String> lingering = LingeringThreads.find();
    if (!lingering.isEmpty()) {
      spec.commandLine().getErr().println("listener: threads still running after stop: " + lingering);
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
