package io.nhslistener.app.cli;

import io.nhslistener.app.bench.BenchOptions;
import io.nhslistener.app.bench.BenchResult;
import io.nhslistener.app.bench.BenchRun;
import io.nhslistener.app.process.LingeringThreads;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code listener bench}: the whole pipeline under synthetic load, against the pass-through limit. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Runs every stage (ingest, dedupe, matching with sentiment, windows, detection) with exactly-once",
        "on the embedded broker (or --bootstrap) over a generated watchlist, produces synthetic mentions for",
        "--mentions or --duration, flat out or at --rate, and reports throughput end to end and per stage,",
        "latency from produce to matched record and from window close to alert, CPU and heap after GC. Then the",
        "same records go through a topology that only deserialises and forwards (the pass-through baseline).",
        "Ends with one JSON line."})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--orgs", paramLabel = "N", defaultValue = "6500",
      description = "Organisations in the generated watchlist (default: ${DEFAULT-VALUE})")
  int orgs;

  @Option(names = "--rules", paramLabel = "N", defaultValue = "10000",
      description = "Rules across them, between --orgs and 5 x --orgs (default: ${DEFAULT-VALUE})")
  int rules;

  @Option(names = "--mentions", paramLabel = "N", description = "Produce this many mentions")
  Long mentions;

  @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Produce for this long (e.g. 120s); default 60s when --mentions is not given")
  Duration duration;

  @Option(names = "--rate", paramLabel = "R", description = "Produce R mentions per second (default: flat out)")
  Double rate;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
      description = "Use this Kafka cluster instead of a fresh embedded broker")
  String bootstrap;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/bench",
      description = "Where runs keep broker and state data, one directory per run (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the watchlist and the mentions (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--window", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1m",
      description = "Base window of the window stage and of detection (default: ${DEFAULT-VALUE})")
  Duration window;

  @Option(names = "--grace", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
      description = "Grace period of the windows (default: ${DEFAULT-VALUE})")
  Duration grace;

  @Option(names = "--warm-up", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
      description = {"Rates, CPU per mention and latencies are measured after the first DURATION, while the JIT",
          "compiles the hot paths (default: ${DEFAULT-VALUE})"})
  Duration warmUp;

  @Option(names = "--spike-orgs", paramLabel = "N", defaultValue = "20",
      description = "Organisations that get a burst early in the run, to time alerts; 0 for none "
          + "(default: ${DEFAULT-VALUE})")
  int spikeOrgs;

  @Option(names = "--no-pass-through", negatable = false,
      description = "Skip the pass-through baseline")
  boolean noPassThrough;

  @Override
  public Integer call() throws Exception {
    BenchOptions options;
    try {
      Duration produceFor = mentions == null && duration == null ? Duration.ofSeconds(60) : duration;
      options = new BenchOptions(orgs, rules, mentions == null ? 0 : mentions, produceFor, rate == null ? 0 : rate,
          bootstrap, dataDir, seed, window, grace, warmUp, spikeOrgs, !noPassThrough);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (mentions != null && duration != null) {
      throw new ParameterException(spec.commandLine(), "give --mentions or --duration, not both");
    }
    PrintWriter out = spec.commandLine().getOut();
    BenchResult result = BenchRun.run(options, out, System.getenv());
    out.printf("Pipeline %,.0f mentions/s = %.1f %% of the pass-through baseline (%,.0f mentions/s)%n",
        result.throughput(), 100 * result.ratio(), result.passThrough());
    out.println(result.toJson());
    out.flush();
    List<String> lingering = LingeringThreads.find();
    if (!lingering.isEmpty()) {
      spec.commandLine().getErr().println("listener: threads still running after the benchmark: " + lingering);
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
