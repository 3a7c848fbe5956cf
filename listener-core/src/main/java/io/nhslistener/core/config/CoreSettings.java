package io.nhslistener.core.config;

import java.nio.file.Path;
import java.util.List;

/** Top-level keys every role reads. Each module declares its own keys next to the code that uses them. */
public final class CoreSettings {
  public static final Setting<Path> DATA_DIR = Setting.optional("dataDir", ValueTypes.PATH, Path.of("data"),
      "Directory for the embedded broker's log, Kafka Streams state and generated keys");

  public static final Setting<String> BROKER_HOST = Setting.optional("broker.host", ValueTypes.STRING, "127.0.0.1",
      "Address the embedded broker listens on (only when kafka.bootstrap.servers is absent)");

  public static final Setting<Integer> BROKER_PORT = Setting.optional("broker.port", ValueTypes.intIn(1, 65_535),
      9092, "Embedded broker client port");

  public static final Setting<Integer> BROKER_CONTROLLER_PORT = Setting.optional("broker.controllerPort",
      ValueTypes.intIn(1, 65_535), 9093, "Embedded broker KRaft controller port");

  public static final Setting<Integer> MENTION_PARTITIONS = Setting.optional("topics.mentionPartitions",
      ValueTypes.intIn(1, 1024), 6, "Partitions of mention-keyed topics (raw, unique)");

  public static final Setting<Integer> ORGANISATION_PARTITIONS = Setting.optional("topics.organisationPartitions",
      ValueTypes.intIn(1, 1024), 6, "Partitions of organisation-keyed topics (matched, stats, alerts)");

  public static final Setting<Integer> REPLICATION_FACTOR = Setting.optional("topics.replicationFactor",
      ValueTypes.intIn(1, 16), 1, "Replication factor of every topic; 3 on a production cluster");

  public static final Setting<String> HMAC_KEY = Setting.secret("privacy.hmacKey",
      "Key for pseudonymising author handles (HMAC-SHA256); required by 'run', generated per data dir by 'demo'");

  public static final Setting<HostPort> METRICS_ADDRESS = Setting.optional("metrics.address", ValueTypes.HOST_PORT,
      new HostPort("127.0.0.1", 9404), "Address of GET /metrics and GET /health; loopback unless set explicitly");

  public static final Setting<Path> WATCHLIST = Setting.optional("watchlist", ValueTypes.PATH, null,
      "Watchlist YAML published to listener.rules at start-up when given");

  public static final List<Setting<?>> ALL = List.of(DATA_DIR, BROKER_HOST, BROKER_PORT, BROKER_CONTROLLER_PORT,
      MENTION_PARTITIONS, ORGANISATION_PARTITIONS, REPLICATION_FACTOR, HMAC_KEY, METRICS_ADDRESS, WATCHLIST);

  private CoreSettings() {}
}
