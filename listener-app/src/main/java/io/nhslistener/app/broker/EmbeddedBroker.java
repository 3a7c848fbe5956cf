package io.nhslistener.app.broker;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) inside this JVM, for the demo, tests and
 * single-machine deployments. Its log lives under {@code <dataDir>/kafka}, so a restart keeps topics, offsets and
 * committed transactions.
 *
 * <p>Limits: one node, replication factor 1, PLAINTEXT on the configured host only. The broker's own fault handlers
 * halt the JVM on a fatal metadata fault ({@code Exit.halt}); {@link BrokerFaults} makes that halt say why first.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private boolean closed;

  private EmbeddedBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Formats the data dir on first use and starts the broker; returns once it is unfenced and serving.
   *
   * @param dataDir directory for the broker's log (created if absent)
   * @param host address to listen on, normally 127.0.0.1
   * @param port client port
   * @param controllerPort KRaft controller port
   * @throws BrokerStartException naming the port when a port is taken, or with Kafka's reason otherwise
   */
  public static EmbeddedBroker start(Path dataDir, String host, int port, int controllerPort) {
    return start(BrokerSettings.plaintext(dataDir, host, port, controllerPort));
  }

  /** Starts a broker with explicit settings (listeners with security, extra broker properties). */
  public static EmbeddedBroker start(BrokerSettings settings) {
    long startNanos = System.nanoTime();
    for (int port : List.of(settings.port(), settings.controllerPort())) {
      if (!FreePorts.isFree(settings.host(), port)) {
        throw new BrokerStartException("port " + port + " on " + settings.host()
            + " is already in use: stop what holds it or set broker.port / broker.controllerPort");
      }
    }
    Path logDir = settings.dataDir().resolve("kafka").toAbsolutePath();
    Properties props = settings.brokerProperties(NODE_ID, CONTROLLER_LISTENER, logDir);
    KafkaConfig config = KafkaConfig.fromProps(props, false);
    formatIfNew(logDir, settings);
    BrokerFaults.install();
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      // A half-started controller keeps non-daemon threads alive: shut it down before reporting.
      server.shutdown();
      server.awaitShutdown();
      throw new BrokerStartException("embedded broker failed to start: " + e.getMessage(), e);
    }
    LOG.info("Embedded Kafka broker ready on {} in {} ms, {} ms after JVM start (data in {})",
        settings.bootstrapServers(), (System.nanoTime() - startNanos) / 1_000_000,
        ManagementFactory.getRuntimeMXBean().getUptime(), logDir);
    return new EmbeddedBroker(server, settings.bootstrapServers());
  }

  private static void formatIfNew(Path logDir, BrokerSettings settings) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      Files.createDirectories(logDir);
      new Formatter()
          .setPrintStream(LogPrintStream.of(LOG))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setScramArguments(settings.scramArguments())
          .run();
    } catch (IOException e) {
      throw new BrokerStartException("cannot create the broker data dir " + logDir + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new BrokerStartException("cannot format the broker data dir " + logDir + ": " + e.getMessage(), e);
    }
  }

  /** The {@code bootstrap.servers} value clients use. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Stops the broker and waits for its threads; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Embedded Kafka broker stopped");
  }
}
