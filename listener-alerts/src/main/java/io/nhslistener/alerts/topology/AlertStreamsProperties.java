package io.nhslistener.alerts.topology;

import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.deadletter.DeadLetters;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration of the detection topology. */
public final class AlertStreamsProperties {
  /** How often the topology commits; under exactly-once, alerts become visible to the delivery consumer then. */
  static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

  private AlertStreamsProperties() {}

  /**
   * Kafka client properties ({@code bootstrap.servers}, security), then application id {@code alerts.applicationId},
   * {@code exactly_once_v2}, a 100 ms commit interval, state under {@code <dataDir>/streams},
   * internal topics with {@code topics.replicationFactor}, and the dead-letter exception handlers.
   *
   * @param config validated configuration
   * @param kafka Kafka client properties, e.g. {@code config.kafka()} or the app's copy with the broker address
   * @param deadLetters the process's dead-letter builder and counter
   */
  public static Properties of(ListenerConfig config, Map<String, ?> kafka, DeadLetters deadLetters) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(AlertsSettings.APPLICATION_ID));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis());
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.get(CoreSettings.DATA_DIR).resolve("streams").toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(CoreSettings.REPLICATION_FACTOR));
    AlertsErrorHandling.configure(props, deadLetters);
    return props;
  }

  /** {@link #of(ListenerConfig, Map, DeadLetters)} with the configuration's own Kafka client properties. */
  public static Properties of(ListenerConfig config, DeadLetters deadLetters) {
    return of(config, config.kafka(), deadLetters);
  }
}
