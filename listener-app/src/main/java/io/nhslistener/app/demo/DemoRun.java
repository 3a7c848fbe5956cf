package io.nhslistener.app.demo;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.alerts.delivery.DashboardLinks;
import io.nhslistener.app.config.AppConfig;
import io.nhslistener.app.process.ListenerProcess;
import io.nhslistener.app.process.ProcessContext;
import io.nhslistener.app.process.Role;
import io.nhslistener.app.process.RoleLaunchers;
import io.nhslistener.app.process.Watchlists;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.streams.StreamsSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One run of the demo: generates the scenario's mentions with this run's ids, shifted so the scenario ends now,
 * starts every role on the embedded broker with a replay source at the chosen speed and a local webhook sink as the
 * only route, prints alerts and progress while it runs, and summarises at the end.
 *
 * <p>Each run has its own application ids, placed at the end of the topics, so earlier runs in the same data dir
 * neither feed nor disturb it.
 */
public final class DemoRun implements AutoCloseable {
  /** The dashboard base URL of the docker-compose stack's Grafana. */
  private static final String DASHBOARD = "http://127.0.0.1:3000";
  private static final List<String> RUN_INPUTS = List.of(Topics.MENTIONS_RAW.name(), Topics.MENTIONS_UNIQUE.name(),
      Topics.MENTIONS_MATCHED.name(), Topics.ORG_STATS.name(), Topics.ALERTS.name());

  private final ScenarioLoader.Loaded scenario;
  private final Path dataDir;
  private final double speed;
  private final PrintWriter out;
  private final Clock clock;
  private final String runTag;
  private final Duration shift;
  private final List<Mention> mentions;
  private final Map<String, String> orgNames = new LinkedHashMap<>();
  private WebhookSink sink;
  private ListenerProcess process;
  private AlertPrinter printer;
  private DemoProgress progress;
  private Map<TopicPartition, Long> startOffsets;

  private DemoRun(ScenarioLoader.Loaded scenario, Path dataDir, double speed, PrintWriter out, Clock clock) {
    this.scenario = scenario;
    this.dataDir = dataDir;
    this.speed = speed;
    this.out = out;
    this.clock = clock;
    Instant now = clock.instant();
    this.runTag = "r" + Long.toString(now.getEpochSecond(), 36);
    Scenario s = scenario.scenario();
    this.shift = Duration.between(s.start().plus(s.length()), now);
    this.mentions = ScenarioGenerator.generate(s, runTag);
  }

  /**
   * Prepares and starts a run.
   *
   * @param speed how many times faster than the scenario's clock to replay
   * @throws io.nhslistener.core.config.ConfigException when the scenario's watchlist is invalid
   * @throws RuntimeException when the broker or a role cannot start; whatever started is stopped again
   */
  public static DemoRun start(ScenarioLoader.Loaded scenario, Path dataDir, double speed, PrintWriter out,
      Clock clock, Map<String, String> env, PrometheusMeterRegistry registry) {
    DemoRun run = new DemoRun(scenario, dataDir, speed, out, clock);
    try {
      run.startAll(env, registry);
      return run;
    } catch (RuntimeException e) {
      run.close();
      throw e;
    }
  }

  private void startAll(Map<String, String> env, PrometheusMeterRegistry registry) {
    Path runDir = dataDir.resolve("runs").resolve(runTag);
    Path mentionsFile = ScenarioFiles.writeMentions(mentions, shift, runDir.resolve("mentions.jsonl"));
    Path watchlistFile = ScenarioFiles.writeText(scenario.watchlistYaml(), runDir.resolve("watchlist.yaml"));
    Path webhookSecret = DemoSecrets.file(dataDir, "webhook.secret");
    sink = WebhookSink.start(DemoSecrets.read(webhookSecret), runDir.resolve("webhook-sink.jsonl"), clock);
    ListenerConfig config = AppConfig.loader(env).parse(configYaml(mentionsFile, watchlistFile, webhookSecret),
        "demo");
    process = ListenerProcess.start(config, RoleLaunchers.forRoles(EnumSet.allOf(Role.class)), registry, clock,
        this::prepare);
    printer.start();
    progress = new DemoProgress(registry, out, () -> printer.seen().size());
    progress.start();
  }

  /** Runs once topics and watchlist exist, before any role: places this run's groups and the printer. */
  private void prepare(ProcessContext context) {
    try (Admin admin = Admin.create(context.kafkaProperties())) {
      startOffsets = RunStart.endOffsets(admin, RUN_INPUTS);
      RunStart.commit(admin, List.of(applicationId(), detectionId(), deliveryGroup()), startOffsets);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot place the demo run at the end of its topics: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing the demo run", e);
    }
    for (Watch watch : watchesOf(context)) {
      orgNames.put(watch.orgId(), watch.org().name());
    }
    printer = new AlertPrinter(context.kafkaProperties(), startOffsets, out, orgNames,
        context.config().get(AlertsSettings.TIME_ZONE), new DashboardLinks(DASHBOARD));
  }

  private List<Watch> watchesOf(ProcessContext context) {
    return Watchlists.parse(scenario.watchlistYaml(), "scenario watchlist", Watchlists.routeIds(context.config()))
        .watches();
  }

  private String applicationId() {
    return "nhs-listener-demo-" + runTag;
  }

  private String detectionId() {
    return "nhs-listener-demo-alerts-" + runTag;
  }

  private String deliveryGroup() {
    return "nhs-listener-demo-delivery-" + runTag;
  }

  private String configYaml(Path mentionsFile, Path watchlistFile, Path webhookSecret) {
    Path hmacKey = DemoSecrets.file(dataDir, "hmac.key");
    return String.join("\n",
        "dataDir: " + quoted(dataDir),
        "privacy:",
        "  hmacKey: " + quoted("${file:" + hmacKey.toAbsolutePath() + "}"),
        "watchlist: " + quoted(watchlistFile),
        "streams:",
        "  applicationId: " + quoted(applicationId()),
        // The replay's event times lie in the past: a long grace keeps a slow start from reading as silence. At replay
        // speed a second of wall clock is many minutes of event time, so reordering between upstream tasks needs a
        // longer settle than live traffic.
        "  grace: 5m",
        "  settle: 5s",
        "alerts:",
        "  applicationId: " + quoted(detectionId()),
        "  dashboardUrl: " + quoted(DASHBOARD),
        "  delivery:",
        "    groupId: " + quoted(deliveryGroup()),
        "sources:",
        "  - id: " + quoted("demo-" + runTag),
        "    type: replay",
        "    file: " + quoted(mentionsFile.toAbsolutePath()),
        "    format: mention",
        "    speed: " + speed,
        "routes:",
        "  demo-sink:",
        "    channel: webhook",
        "    url: " + quoted(sink.url()),
        "    secret: " + quoted("${file:" + webhookSecret.toAbsolutePath() + "}"),
        "");
  }

  private static String quoted(Object value) {
    return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The scenario's name. */
  public String name() {
    return scenario.scenario().name();
  }

  /** Mentions this run replays. */
  public int mentionCount() {
    return mentions.size();
  }

  /** The file the webhook sink appends deliveries to. */
  public Path sinkFile() {
    return sink.file();
  }

  /** Where metrics are served. */
  public String metricsUrl() {
    return "http://" + process.metricsAddress().getHostString() + ":" + process.metricsAddress().getPort()
        + "/metrics";
  }

  /** The counts now. */
  public DemoProgress.Counts counts() {
    return progress.counts();
  }

  /** Alerts seen so far. */
  public List<AlertPrinter.Seen> alerts() {
    return printer.seen();
  }

  /** Deliveries the sink accepted, per alert id. */
  public Map<String, Integer> deliveries() {
    return sink.deliveriesByKey();
  }

  /**
   * Matched mentions of this run per organisation, read from {@code listener.mentions.matched} (read_committed).
   *
   * @throws IllegalStateException when the topic cannot be read within 30 s
   */
  public Map<String, Long> matchedByOrganisation() {
    Map<String, Long> counts = new TreeMap<>();
    RunRange.read(process.context().kafkaProperties(), Topics.MENTIONS_MATCHED.name(), startOffsets,
        Duration.ofSeconds(30), (orgId, value) -> counts.merge(orgId, 1L, Long::sum));
    return counts;
  }

  /**
   * This run's base windows of one organisation, in order, read from {@code listener.org.stats} (read_committed).
   *
   * @throws IllegalStateException when the topic cannot be read within 30 s
   */
  public List<WindowStats> baseWindows(String orgId) {
    Duration base = process.context().config().get(StreamsSettings.WINDOW);
    List<WindowStats> windows = new ArrayList<>();
    Deserializer<WindowStats> stats = Topics.ORG_STATS.valueSerde().deserializer();
    RunRange.read(process.context().kafkaProperties(), Topics.ORG_STATS.name(), startOffsets, Duration.ofSeconds(30),
        (key, value) -> {
          if (key.equals(orgId)) {
            WindowStats window = stats.deserialize(Topics.ORG_STATS.name(), value);
            if (window.size().equals(base)) {
              windows.add(window);
            }
          }
        });
    return windows;
  }

  /** Organisation display names by id. */
  public Map<String, String> organisationNames() {
    return Map.copyOf(orgNames);
  }

  /** The event time in this run of an instant on the scenario's clock. */
  public Instant eventTime(Instant scenarioTime) {
    return scenarioTime.plus(shift);
  }

  /** The scenario-clock instant of an event time of this run. */
  public Instant scenarioTime(Instant eventTime) {
    return eventTime.minus(shift);
  }

  @Override
  public void close() {
    if (progress != null) {
      progress.close();
    }
    if (printer != null) {
      printer.close();
    }
    if (process != null) {
      process.close();
    }
    if (sink != null) {
      sink.close();
    }
  }
}
