package io.nhslistener.app.broker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How to run the embedded broker.
 *
 * @param dataDir process data dir; the broker log goes to {@code dataDir/kafka}
 * @param host listen address
 * @param port client listener port
 * @param controllerPort KRaft controller port
 * @param clientProtocol security protocol of the client listener: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
 * @param extraProperties further broker properties (TLS stores, SASL mechanisms), applied last
 * @param scramArguments SCRAM credentials created at format time, in {@code kafka-storage --add-scram} syntax
 */
public record BrokerSettings(
    Path dataDir, String host, int port, int controllerPort, String clientProtocol,
    Map<String, String> extraProperties, List<String> scramArguments) {

  /** Cleaner dedupe buffer: Kafka's 128 MiB default is allocated on the heap, far more than one node needs. */
  private static final String CLEANER_BUFFER_BYTES = Integer.toString(4 * 1024 * 1024);
  /** Internal topics: Kafka's 50 partitions each slow start-up and idle cost on a single node. */
  private static final String INTERNAL_TOPIC_PARTITIONS = "6";

  public BrokerSettings {
    extraProperties = Map.copyOf(extraProperties);
    scramArguments = List.copyOf(scramArguments);
  }

  public static BrokerSettings plaintext(Path dataDir, String host, int port, int controllerPort) {
    return new BrokerSettings(dataDir, host, port, controllerPort, "PLAINTEXT", Map.of(), List.of());
  }

  /** {@code host:port} for clients. */
  public String bootstrapServers() {
    return host + ":" + port;
  }

  Properties brokerProperties(int nodeId, String controllerListener, Path logDir) {
    String clientListener = "CLIENT";
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(nodeId));
    p.put("controller.quorum.voters", nodeId + "@" + host + ":" + controllerPort);
    p.put("listeners", clientListener + "://" + host + ":" + port + "," + controllerListener + "://" + host + ":"
        + controllerPort);
    p.put("advertised.listeners", clientListener + "://" + host + ":" + port);
    p.put("controller.listener.names", controllerListener);
    p.put("inter.broker.listener.name", clientListener);
    p.put("listener.security.protocol.map", clientListener + ":" + clientProtocol + "," + controllerListener
        + ":PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("metadata.log.dir", logDir.toString());
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "false");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS);
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", INTERNAL_TOPIC_PARTITIONS);
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("group.streams.initial.rebalance.delay.ms", "0");
    p.put("log.cleaner.dedupe.buffer.size", CLEANER_BUFFER_BYTES);
    p.putAll(extraProperties);
    return p;
  }
}
