package io.nhslistener.app.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.ingest.IngestRole;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.runner.IngestRunner;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * The pipeline phase of a run, once the roles are ready: produces the load through an ingest role, reports progress,
 * waits until every stage has read its input (and, when detection runs, for the bursts' alerts), and measures.
 */
final class PipelinePhase {
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
  private static final Duration MIN_DRAIN_LIMIT = Duration.ofMinutes(2);
  private static final Duration ALERT_SLACK = Duration.ofSeconds(20);
  private static final long BURST_DELAY_MILLIS = 2_000;

  private final BenchOptions options;
  private final String runTag;
  private final BenchWorkload workload;
  private final Map<String, Object> kafka;
  private final MeterRegistry registry;
  private final Map<TopicPartition, Long> start;
  private final boolean detection;
  private final PrintWriter out;
  private final Clock clock;

  PipelinePhase(BenchOptions options, String runTag, BenchWorkload workload, Map<String, Object> kafka,
      MeterRegistry registry, Map<TopicPartition, Long> start, boolean detection, PrintWriter out, Clock clock) {
    this.options = options;
    this.runTag = runTag;
    this.workload = workload;
    this.kafka = kafka;
    this.registry = registry;
    this.start = start;
    this.detection = detection;
    this.out = out;
    this.clock = clock;
  }

  PipelineFigures run(Supplier<String> hmacKey) throws InterruptedException {
    Instant runStart = clock.instant();
    long startNanos = System.nanoTime();
    long deadline = options.countLimited() ? Long.MAX_VALUE : startNanos + options.duration().toNanos();
    long limit = options.countLimited() ? options.mentions() : Long.MAX_VALUE;
    BenchMentions source = new BenchMentions(workload, runTag, options.seed(), options.rate(), limit, deadline,
        clock);
    ThreadCpu threads = new ThreadCpu(parts());
    try (ResourceSampler resources = new ResourceSampler();
        LatencyProbe probe = new LatencyProbe(kafka, start, runStart.plus(options.warmUp()), options.window(),
            options.grace(), runStart);
        StageProgress progress = new StageProgress(kafka, stages(), start);
        IngestRole ingest = IngestRole.builder(kafka, registry, clock).hmacKey(hmacKey.get())
            .source("bench-" + runTag, source, BackoffPolicy.DEFAULT).build()) {
      probe.start();
      threads.sample();
      long cpuStart = resources.cpuNanos();
      long gcStart = resources.gcMillis();
      ingest.start();
      ProgressLog log = new ProgressLog();
      Reporter reporter = new Reporter(startNanos, source, probe, resources);
      while (!ingest.awaitTermination(SAMPLE_EVERY)) {
        threads.sample();
        reporter.reading(System.nanoTime(), progress.read(), log);
      }
      if (ingest.states().containsValue(IngestRunner.State.FAILED)) {
        throw new IllegalStateException("the ingest runner failed; see the log");
      }
      long producedAt = System.nanoTime();
      long produced = source.produced();
      say("Produced %,d mentions in %.1f s (%,.0f/s); waiting for every stage to read its input", produced,
          BenchRun.seconds(producedAt - startNanos), produced / BenchRun.seconds(producedAt - startNanos));
      Duration drainLimit = max(MIN_DRAIN_LIMIT, Duration.ofNanos(producedAt - startNanos).multipliedBy(3));
      Drain.Outcome drain = new Drain(progress, drainLimit).await((nanos, positions) ->
          reporter.reading(nanos, positions, log));
      long drainCpu = log.cpuAt(drain.nanos());
      Map<String, StageProgress.Position> atEnd = progress.read();
      threads.sample();
      long cpu = resources.cpuNanos() - cpuStart;
      double load = resources.loadAverage();
      long heap = resources.maxHeapAfterGc();
      long gc = resources.gcMillis() - gcStart;
      awaitAlerts(probe, runStart);
      ProgressLog.Rates rates = log.rates(new ProgressLog.Sample(startNanos, cpuStart, Map.of()),
          startNanos + options.warmUp().toNanos(), drain.nanos(), drainCpu, produced, atEnd);
      if (!drain.drained()) {
        say("Warning: the stages had not read all their input after %s; the figures below are approximate",
            drainLimit);
      }
      PipelineFigures figures = new PipelineFigures(produced, rates.endToEnd(), probe.matched(), probe.alerts(),
          heap / (1024.0 * 1024.0), rates.cpuMicrosPerMention(), load);
      summarise(figures, rates, atEnd, BenchRun.seconds(drain.nanos() - startNanos),
          BenchRun.seconds(producedAt - startNanos), BenchRun.seconds(drain.nanos() - rates.fromNanos()), cpu, gc,
          threads.byPart(), probe);
      return figures;
    }
  }

  private void awaitAlerts(LatencyProbe probe, Instant runStart) throws InterruptedException {
    if (!detection || workload.spiking().isEmpty()) {
      return;
    }
    Instant burstEnd = runStart.plusMillis(BURST_DELAY_MILLIS).plusNanos(BenchMentions.BURST_NANOS);
    long size = options.window().toMillis();
    Instant lastWindowEnd = Instant.ofEpochMilli(Math.floorDiv(burstEnd.toEpochMilli(), size) * size + size);
    Instant dueBy = lastWindowEnd.plus(options.grace()).plus(ALERT_SLACK);
    if (clock.instant().isBefore(dueBy) && probe.alertRecords() < workload.spiking().size()) {
      say("Waiting up to %s for the bursts' alerts (%d so far)", Duration.between(clock.instant(), dueBy)
          .withNanos(0), probe.alertRecords());
    }
    while (clock.instant().isBefore(dueBy) && probe.alertRecords() < workload.spiking().size()) {
      Thread.sleep(POLL.toMillis());
    }
  }

  private void summarise(PipelineFigures figures, ProgressLog.Rates rates,
      Map<String, StageProgress.Position> positions, double span, double production, double measured, long cpuNanos,
      long gcMillis, Map<String, Long> cpuByPart, LatencyProbe probe) {
    long raw = positions.get("dedupe").read();
    long unique = positions.get("matching").read();
    say("End to end: %,d mentions; production %.1f s, all stages done %.1f s after the start; sustained over the last"
        + " %.1f s (after the %s warm-up): %,.0f mentions/s", figures.produced(), production, span, measured,
        options.warmUp(), figures.throughput());
    say("  dedupe:    %,d raw in, %,d unique out (%.1f %%), %,.0f raw mentions/s", raw, unique,
        100.0 * unique / Math.max(1, raw), rates.perStage().get("dedupe"));
    say("  matching:  %,d unique mentions, %,.0f/s; %.1f %% matched an organisation (%,d matched records)", unique,
        rates.perStage().get("matching"), 100.0 * matchedMentions() / Math.max(1, unique), probe.matchedRecords());
    say("  windows:   %,d matched records, %,.0f/s", positions.get("windows").read(),
        rates.perStage().get("windows"));
    if (positions.containsKey("detection")) {
      say("  detection: %,d window records, %,.0f/s", positions.get("detection").read(),
          rates.perStage().get("detection"));
    }
    Latencies matched = figures.matched();
    say("produce -> matched: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (%,d records after the %s warm-up)",
        matched.quantileMillis(0.5), matched.quantileMillis(0.99), matched.quantileMillis(0.999),
        matched.maxMillis(), matched.count(), options.warmUp());
    Latencies alerts = figures.alerts();
    say("window close -> alert: %d alerts; p50 %.0f ms, p99 %.0f ms, max %.0f ms", alerts.count(),
        alerts.quantileMillis(0.5), alerts.quantileMillis(0.99), alerts.maxMillis());
    say("CPU: %.2f cores on average, %.1f µs per mention overall, %.1f µs after the warm-up; GC %,d ms; heap after GC"
            + " at most %.0f MiB; load average %.1f on %d cores", cpuNanos / 1e9 / span,
        cpuNanos / 1e3 / figures.produced(), figures.cpuMicrosPerMention(), gcMillis, figures.heapMb(),
        figures.loadAverage(), Runtime.getRuntime().availableProcessors());
    List<String> parts = new ArrayList<>();
    long threadsTotal = cpuByPart.values().stream().mapToLong(Long::longValue).sum();
    cpuByPart.forEach((part, nanos) -> parts.add(String.format("%s %.0f %%", part, 100.0 * nanos / cpuNanos)));
    parts.add(String.format("JVM (GC, JIT) and the rest %.0f %%", 100.0 * (cpuNanos - threadsTotal) / cpuNanos));
    say("CPU by part: %s", String.join(", ", parts));
  }

  private double matchedMentions() {
    return registry.find("listener.match.mentions").tag("outcome", "matched").counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  private List<StageProgress.Stage> stages() {
    String streams = BenchConfig.streamsApplicationId(runTag);
    List<StageProgress.Stage> stages = new ArrayList<>(List.of(
        new StageProgress.Stage("repartition", streams, Topics.MENTIONS_RAW.name()),
        new StageProgress.Stage("dedupe", streams, streams + "-dedupe-single-partition-repartition"),
        new StageProgress.Stage("matching", streams, Topics.MENTIONS_UNIQUE.name()),
        new StageProgress.Stage("windows", streams, Topics.MENTIONS_MATCHED.name())));
    if (detection) {
      stages.add(new StageProgress.Stage("detection", BenchConfig.alertsApplicationId(runTag),
          Topics.ORG_STATS.name()));
    }
    return stages;
  }

  private List<ThreadCpu.Part> parts() {
    String streams = BenchConfig.streamsApplicationId(runTag) + "-";
    String alerts = BenchConfig.alertsApplicationId(runTag) + "-";
    return List.of(
        new ThreadCpu.Part("detection", name -> name.startsWith(alerts) && name.contains("StreamThread")),
        new ThreadCpu.Part("streams", name -> name.startsWith(streams) && name.contains("-StreamThread-")),
        new ThreadCpu.Part("rules store", name -> name.contains("GlobalStreamThread")),
        new ThreadCpu.Part("ingest", name -> name.startsWith("ingest-")),
        new ThreadCpu.Part("client I/O", name -> name.startsWith("kafka-producer-network-thread")
            || name.startsWith("kafka-coordinator-heartbeat-thread") || name.startsWith("kafka-admin-client")
            || name.startsWith("consumer_background_thread")),
        new ThreadCpu.Part("latency probe", name -> name.equals("bench-latency-probe")),
        new ThreadCpu.Part("broker", name -> !name.startsWith("bench-") && !name.startsWith("main")));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private void say(String format, Object... args) {
    synchronized (out) {
      out.printf(format + "%n", args);
      out.flush();
    }
  }

  /** Logs every reading and prints one progress line every {@link BenchRun#REPORT_EVERY}. */
  private final class Reporter {
    private final long startNanos;
    private final BenchMentions source;
    private final LatencyProbe probe;
    private final ResourceSampler resources;
    private long lastNanos;
    private long lastCpu;
    private long lastProduced;

    Reporter(long startNanos, BenchMentions source, LatencyProbe probe, ResourceSampler resources) {
      this.startNanos = startNanos;
      this.source = source;
      this.probe = probe;
      this.resources = resources;
      this.lastNanos = startNanos;
      this.lastCpu = resources.cpuNanos();
    }

    void reading(long now, Map<String, StageProgress.Position> positions, ProgressLog log) {
      long cpu = resources.cpuNanos();
      log.add(now, cpu, positions);
      if (now - lastNanos < BenchRun.REPORT_EVERY.toNanos()) {
        return;
      }
      long produced = source.produced();
      double interval = BenchRun.seconds(now - lastNanos);
      long lag = positions.values().stream().mapToLong(StageProgress.Position::lag).sum();
      say("%6.0fs produced %,d (%,.0f/s) | dedupe %,d | matching %,d | windows %,d | lag %,d | p99 %.0f ms"
              + " | %.2f cores | heap %.0f MiB | load %.1f",
          BenchRun.seconds(now - startNanos), produced, (produced - lastProduced) / interval,
          positions.get("dedupe").read(), positions.get("matching").read(), positions.get("windows").read(), lag,
          probe.matched().quantileMillis(0.99), (cpu - lastCpu) / 1e9 / interval,
          resources.heapAfterGc() / (1024.0 * 1024.0), resources.loadAverage());
      lastNanos = now;
      lastCpu = cpu;
      lastProduced = produced;
    }
  }
}
