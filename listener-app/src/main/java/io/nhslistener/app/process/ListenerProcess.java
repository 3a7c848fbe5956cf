package io.nhslistener.app.process;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.alerts.metrics.Health;
import io.nhslistener.alerts.metrics.JvmMeters;
import io.nhslistener.alerts.metrics.MetricsServer;
import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicReport;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.core.watch.LoadedWatchlist;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener process: the metrics and health endpoint, the embedded broker when no external cluster is configured,
 * the topic catalogue, then the requested roles. Closing stops the roles in reverse order of start (ingest first, so
 * nothing new arrives while the stream processors finish), then the broker, then the endpoint. A JVM shutdown hook
 * closes it too, for exits that bypass the caller.
 */
public final class ListenerProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerProcess.class);

  private final MetricsServer metrics;
  private final JvmMeters jvmMeters;
  private final EmbeddedBroker broker;
  private final ProcessContext context;
  private final Deque<RunningRole> running = new ArrayDeque<>();
  private final Thread shutdownHook;
  private volatile boolean rolesStarted;
  private boolean closed;

  private ListenerProcess(MetricsServer metrics, JvmMeters jvmMeters, EmbeddedBroker broker, ProcessContext context) {
    this.metrics = metrics;
    this.jvmMeters = jvmMeters;
    this.broker = broker;
    this.context = context;
    this.shutdownHook = new Thread(this::close, "listener-shutdown");
  }

  /**
   * Starts the metrics endpoint, the broker (if embedded), creates the topics and starts {@code roles} in the given
   * order. The endpoint starts first so that a taken port fails before anything else has started.
   *
   * @throws java.io.UncheckedIOException when {@code metrics.address} cannot be bound
   * @throws io.nhslistener.app.broker.BrokerStartException when the embedded broker cannot start
   * @throws RuntimeException when a role cannot start; everything started so far is stopped first
   */
  public static ListenerProcess start(ListenerConfig config, List<RoleLauncher> roles,
      PrometheusMeterRegistry registry, Clock clock) {
    return start(config, roles, registry, clock, context -> { });
  }

  /**
   * As {@link #start(ListenerConfig, List, PrometheusMeterRegistry, Clock)}, running {@code beforeRoles} once the
   * topics exist and before any role starts (the demo uses it to publish its watchlist and place its consumer groups).
   */
  public static ListenerProcess start(ListenerConfig config, List<RoleLauncher> roles,
      PrometheusMeterRegistry registry, Clock clock, Consumer<ProcessContext> beforeRoles) {
    RoleHealth health = new RoleHealth();
    MetricsServer metrics = MetricsServer.start(config.get(CoreSettings.METRICS_ADDRESS), registry, health);
    JvmMeters jvmMeters = new JvmMeters();
    jvmMeters.bindTo(registry);
    EmbeddedBroker broker = null;
    ListenerConfig effective = config;
    if (config.usesEmbeddedBroker()) {
      try {
        broker = EmbeddedBroker.start(config.get(CoreSettings.DATA_DIR), config.get(CoreSettings.BROKER_HOST),
            config.get(CoreSettings.BROKER_PORT), config.get(CoreSettings.BROKER_CONTROLLER_PORT));
      } catch (RuntimeException e) {
        metrics.close();
        jvmMeters.close();
        throw e;
      }
      Map<String, String> kafka = new HashMap<>(config.kafka());
      kafka.put("bootstrap.servers", broker.bootstrapServers());
      effective = config.withKafka(kafka);
    }
    ListenerProcess process = new ListenerProcess(metrics, jvmMeters, broker,
        new ProcessContext(effective, registry, clock));
    health.watch(process);
    Runtime.getRuntime().addShutdownHook(process.shutdownHook);
    try {
      process.createTopics();
      process.publishWatchlist();
      beforeRoles.accept(process.context);
      for (RoleLauncher launcher : roles) {
        RunningRole role = launcher.start(process.context);
        synchronized (process) {
          process.running.push(role);
        }
        LOG.info("Role {} started", role.name());
      }
      process.rolesStarted = true;
      return process;
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  private void createTopics() {
    ListenerConfig config = context.config();
    TopicSettings settings = new TopicSettings(config.get(CoreSettings.MENTION_PARTITIONS),
        config.get(CoreSettings.ORGANISATION_PARTITIONS), config.get(CoreSettings.REPLICATION_FACTOR).shortValue());
    try (Admin admin = Admin.create(context.kafkaProperties())) {
      TopicReport report = new TopicAdmin(admin, settings).ensure(Topics.ALL);
      if (!report.created().isEmpty()) {
        LOG.info("Created topics {}", report.created());
      }
      report.corrected().forEach(correction -> LOG.warn("Topic corrected to the catalogue: {}", correction));
      report.differences().forEach(difference -> LOG.warn("Topic differs from the catalogue (left as is): {}",
          difference));
    }
  }

  private void publishWatchlist() {
    ListenerConfig config = context.config();
    config.find(CoreSettings.WATCHLIST).ifPresent(file -> {
      LoadedWatchlist watchlist = Watchlists.load(file, Watchlists.routeIds(config));
      WatchPublisher.publish(context.kafkaProperties(), watchlist.watches(), List.of());
      LOG.info("Published {} organisations from {} to {}", watchlist.watches().size(), file, Topics.RULES.name());
    });
  }

  /** Each running role's state for {@code /health}; "starting" (down) until every requested role has started. */
  synchronized Health health() {
    Map<String, Boolean> components = new LinkedHashMap<>();
    if (!rolesStarted) {
      components.put("starting", false);
    }
    if (broker != null) {
      components.put("broker", !closed);
    }
    running.forEach(role -> components.put(role.name(), role.isRunning()));
    return new Health(components);
  }

  /** The address {@code /metrics} and {@code /health} are served on. */
  public InetSocketAddress metricsAddress() {
    return metrics.address();
  }

  /** The context roles were started with (broker address filled in). */
  public ProcessContext context() {
    return context;
  }

  /** Stops roles, then the broker; idempotent and safe from the shutdown hook. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!running.isEmpty()) {
      RunningRole role = running.pop();
      try {
        role.close();
        LOG.info("Role {} stopped", role.name());
      } catch (RuntimeException e) {
        LOG.warn("Role {} did not stop cleanly: {}", role.name(), e.toString());
      }
    }
    if (broker != null) {
      broker.close();
    }
    metrics.close();
    jvmMeters.close();
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook will find us closed.
        LOG.debug("Shutdown in progress while closing");
      }
    }
  }
}
