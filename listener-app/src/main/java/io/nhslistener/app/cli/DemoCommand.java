package io.nhslistener.app.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.app.demo.DemoRun;
import io.nhslistener.app.demo.DemoSummary;
import io.nhslistener.app.demo.ScenarioLoader;
import io.nhslistener.app.process.LingeringThreads;
import io.nhslistener.app.process.StopSignal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code listener demo}: everything in one process on the embedded broker, replaying an incident scenario. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the embedded broker and every role in one process and replays an incident scenario:",
        "a compressed day of ordinary talk about five fictional NHS organisations, then a maternity consultation",
        "at one trust and a good-news story at another. Alerts print as a comms officer would read them.",
        "Stops after --for, or on Ctrl-C, with a summary."})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop after this long (e.g. 30s, 3m); default: run until Ctrl-C")
  Duration runFor;

  @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "1200",
      description = "Replay this many times faster than the scenario's clock (default: ${DEFAULT-VALUE}, "
          + "a 12-hour day in 36 s)")
  double speed;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Scenario file to replay (default: the built-in maternity consultation)")
  Path scenarioFile;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/demo",
      description = "Where the demo keeps broker and state data (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    if (!(speed > 0)) {
      throw new ParameterException(spec.commandLine(), "--speed must be positive");
    }
    PrintWriter out = spec.commandLine().getOut();
    ScenarioLoader.Loaded scenario = scenarioFile == null ? ScenarioLoader.builtIn() : ScenarioLoader.load(scenarioFile);
    StopSignal stop = StopSignal.install();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    long started = System.nanoTime();
    try (DemoRun run = DemoRun.start(scenario, dataDir, speed, out, Clock.systemUTC(), System.getenv(), registry)) {
      synchronized (out) {
        out.printf("nhs-listener demo: %s — %,d mentions replayed at %.0fx.%n", run.name(), run.mentionCount(), speed);
        out.printf("Webhook deliveries go to %s; metrics on %s. Ctrl-C stops.%n", run.sinkFile(), run.metricsUrl());
        out.flush();
      }
      stop.await(runFor);
      DemoSummary.print(out, run, Duration.ofNanos(System.nanoTime() - started));
    }
    List<String> lingering = LingeringThreads.find();
    if (!lingering.isEmpty()) {
      spec.commandLine().getErr().println("listener: threads still running after stop: " + lingering);
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
