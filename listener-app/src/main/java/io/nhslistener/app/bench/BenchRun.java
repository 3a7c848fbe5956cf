package io.nhslistener.app.bench;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.app.demo.RunStart;
import io.nhslistener.app.process.ListenerProcess;
import io.nhslistener.app.process.ProcessContext;
import io.nhslistener.app.process.Role;
import io.nhslistener.app.process.RoleLaunchers;
import io.nhslistener.app.process.WatchPublisher;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.ingest.IngestRole;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.streams.StreamsProperties;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * One {@code listener bench} run, in two phases on one broker (the embedded one, fresh for the run, or an external
 * cluster):
 * <ol>
 *   <li><b>Pipeline.</b> The app's own streams and alerts roles ({@link RoleLaunchers}, exactly as {@code listener
 *       run} starts them) over a generated watchlist, fed by an ingest role whose only source is the benchmark's
 *       synthetic load. Production runs for a count or a duration, at a rate or flat out; the phase ends when every
 *       stage has read all of its input. Throughput is mentions produced over the time from the first produce to
 *       that moment; latencies come from a {@link LatencyProbe}.
 *   <li><b>Pass-through.</b> With the roles stopped, the same records of {@code listener.mentions.raw} through
 *       {@link PassThrough}, from the same start offsets, until it has read them all.
 * </ol>
 * Progress prints every few seconds; the figures come back as a {@link BenchResult}.
 */
public final class BenchRun {
  private static final List<String> RUN_TOPICS = List.of(Topics.MENTIONS_RAW.name(), Topics.MENTIONS_UNIQUE.name(),
      Topics.MENTIONS_MATCHED.name(), Topics.ORG_STATS.name(), Topics.ALERTS.name());
  private static final Duration READY_LIMIT = Duration.ofMinutes(5);
  private static final Duration DETECTION_READY_LIMIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(250);
  static final Duration REPORT_EVERY = Duration.ofSeconds(5);
  private static final Duration PASS_THROUGH_LIMIT = Duration.ofMinutes(10);
  private static final long TIMEOUT_SECONDS = 30;

  private final BenchOptions options;
  private final PrintWriter out;
  private final Map<String, String> env;
  private final Clock clock = Clock.systemUTC();
  private final String runTag;
  private final Path runDir;
  private final BenchWorkload workload;
  private Map<TopicPartition, Long> startOffsets;

  private BenchRun(BenchOptions options, PrintWriter out, Map<String, String> env) {
    this.options = options;
    this.out = out;
    this.env = env;
    this.runTag = "b" + Long.toString(clock.instant().getEpochSecond(), 36);
    this.runDir = options.dataDir().resolve("runs").resolve(runTag);
    this.workload = BenchWorkload.generate(options);
  }

  /**
   * Runs the benchmark and returns its figures.
   *
   * @param env environment for configuration overrides ({@code LISTENER_…})
   * @throws io.nhslistener.app.broker.BrokerStartException when the embedded broker cannot start
   * @throws IllegalStateException when the pipeline does not become ready or the broker stops answering
   */
  public static BenchResult run(BenchOptions options, PrintWriter out, Map<String, String> env)
      throws InterruptedException {
    return new BenchRun(options, out, env).run();
  }

  private BenchResult run() throws InterruptedException {
    say("Run %s: %,d organisations, %,d rules; %d organisations get a burst; data under %s", runTag,
        workload.watches().size(), workload.ruleCount(), workload.spiking().size(), runDir);
    EmbeddedBroker broker = options.bootstrap() == null
        ? EmbeddedBroker.start(runDir, "127.0.0.1", FreePorts.pick(), FreePorts.pick())
        : null;
    try {
      String bootstrap = broker == null ? options.bootstrap() : broker.bootstrapServers();
      ListenerConfig config = BenchConfig.of(options, runTag, runDir, bootstrap, FreePorts.pick(), env);
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      PipelineFigures pipeline = pipeline(config, registry);
      PassThroughFigures baseline = options.passThrough()
          ? passThrough(config, registry, pipeline.produced())
          : PassThroughFigures.NONE;
      return new BenchResult(pipeline.produced(), workload.ruleCount(), workload.watches().size(),
          pipeline.throughput(), baseline.throughput(), pipeline.matched().quantileMillis(0.5),
          pipeline.matched().quantileMillis(0.99), pipeline.matched().quantileMillis(0.999),
          pipeline.alerts().quantileMillis(0.99), pipeline.heapMb(), pipeline.cpuMicrosPerMention(),
          baseline.cpuMicrosPerMention(), pipeline.loadAverage());
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }

  private PipelineFigures pipeline(ListenerConfig config, PrometheusMeterRegistry registry)
      throws InterruptedException {
    long startingNanos = System.nanoTime();
    try (ListenerProcess process = ListenerProcess.start(config,
        RoleLaunchers.forRoles(EnumSet.of(Role.STREAMS, Role.ALERTS)), registry, clock, this::prepare)) {
      Map<String, Object> kafka = process.context().kafkaProperties();
      awaitRules(registry);
      awaitGroup(kafka, BenchConfig.streamsApplicationId(runTag), READY_LIMIT);
      boolean detection = awaitGroup(kafka, BenchConfig.alertsApplicationId(runTag), DETECTION_READY_LIMIT);
      say("Pipeline ready in %.1f s%s", seconds(System.nanoTime() - startingNanos),
          detection ? "" : "; alert detection is not running, so no alert latency will be measured");
      return new PipelinePhase(options, runTag, workload, kafka, registry, startOffsets, detection, out, clock)
          .run(this::hmacKey);
    }
  }

  /** Runs once the topics exist, before any role: places the run's groups, publishes the watchlist and history. */
  private void prepare(ProcessContext context) {
    Map<String, Object> kafka = context.kafkaProperties();
    try (Admin admin = Admin.create(kafka)) {
      startOffsets = RunStart.endOffsets(admin, RUN_TOPICS);
      RunStart.commit(admin, List.of(BenchConfig.streamsApplicationId(runTag), BenchConfig.alertsApplicationId(runTag),
          BenchConfig.deliveryGroup(runTag), BenchConfig.passThroughApplicationId(runTag)), startOffsets);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot place the run's groups at the end of its topics: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while placing the run's groups", e);
    }
    long publishing = System.nanoTime();
    WatchPublisher.publish(kafka, workload.watches(), List.of());
    DetectorHistory.publish(kafka, workload.spiking(), options.window(), clock.instant(), options.seed());
    ListenerConfig config = context.config();
    PassThrough.createOutput(kafka, config.get(CoreSettings.MENTION_PARTITIONS),
        config.get(CoreSettings.REPLICATION_FACTOR).shortValue());
    say("Published the watchlist and %d windows of history in %.1f s", workload.spiking().size()
        * DetectorHistory.WINDOWS, seconds(System.nanoTime() - publishing));
  }

  private String hmacKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** Waits until the streams role's rule book holds every rule of the watchlist. */
  private void awaitRules(PrometheusMeterRegistry registry) throws InterruptedException {
    long deadline = System.nanoTime() + READY_LIMIT.toNanos();
    double expected = workload.ruleCount();
    double active = 0;
    while (System.nanoTime() < deadline) {
      Gauge gauge = registry.find("listener.rules.active").gauge();
      active = gauge == null ? 0 : gauge.value();
      if (active >= expected) {
        return;
      }
      Thread.sleep(POLL.toMillis());
    }
    say("Warning: only %.0f of %.0f rules active after %s; measuring anyway", active, expected, READY_LIMIT);
  }

  /** Waits until consumer group {@code group} is stable; false when it is not within {@code limit}. */
  private static boolean awaitGroup(Map<String, Object> kafka, String group, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    try (Admin admin = Admin.create(kafka)) {
      while (System.nanoTime() < deadline) {
        if (stable(admin, group)) {
          return true;
        }
        Thread.sleep(POLL.toMillis());
      }
      return false;
    }
  }

  private static boolean stable(Admin admin, String group) throws InterruptedException {
    try {
      ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(group);
      return description != null && description.groupState() == GroupState.STABLE;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return false; // no member has joined yet
      }
      throw new IllegalStateException("cannot describe group " + group + ": " + e.getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot describe group " + group + ": " + e.getMessage(), e);
    }
  }

  private PassThroughFigures passThrough(ListenerConfig config, PrometheusMeterRegistry registry, long records)
      throws InterruptedException {
    Map<String, Object> kafka = Map.copyOf(config.kafka());
    String applicationId = BenchConfig.passThroughApplicationId(runTag);
    ResourceSampler resources = new ResourceSampler();
    try (StageProgress progress = new StageProgress(kafka,
            List.of(new StageProgress.Stage("pass-through", applicationId, Topics.MENTIONS_RAW.name())), startOffsets);
        PassThrough baseline = PassThrough.start(StreamsProperties.of(config, new DeadLetters(registry, clock)),
            applicationId)) {
      long deadline = System.nanoTime() + READY_LIMIT.toNanos();
      while (!baseline.running()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the pass-through baseline did not start within " + READY_LIMIT);
        }
        Thread.sleep(10);
      }
      long start = System.nanoTime();
      long cpuStart = resources.cpuNanos();
      long[] nextReport = {start + REPORT_EVERY.toNanos()};
      Drain.Outcome drain = new Drain(progress, PASS_THROUGH_LIMIT).await((nanos, positions) -> {
        if (nanos >= nextReport[0]) {
          say("  pass-through: read %,d of %,d", positions.get("pass-through").read(), records);
          nextReport[0] += REPORT_EVERY.toNanos();
        }
      });
      if (!drain.drained()) {
        say("Warning: the pass-through baseline had not read all the records after %s", PASS_THROUGH_LIMIT);
      }
      double seconds = seconds(drain.nanos() - start);
      PassThroughFigures figures = new PassThroughFigures(records / seconds,
          (resources.cpuNanos() - cpuStart) / 1e3 / records);
      say("Pass-through: %,d mentions in %.1f s = %,.0f mentions/s, %.1f µs CPU per mention", records, seconds,
          figures.throughput(), figures.cpuMicrosPerMention());
      return figures;
    } finally {
      resources.close();
    }
  }

  private void say(String format, Object... args) {
    synchronized (out) {
      out.printf(format + "%n", args);
      out.flush();
    }
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** What the baseline measured. */
  private record PassThroughFigures(double throughput, double cpuMicrosPerMention) {
    static final PassThroughFigures NONE = new PassThroughFigures(Double.NaN, Double.NaN);
  }
}
