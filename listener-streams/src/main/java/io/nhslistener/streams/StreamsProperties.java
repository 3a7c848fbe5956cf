package io.nhslistener.streams;

import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.streams.errors.StreamsErrorHandling;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration of the streams role, from {@link StreamsSettings} and the core settings. */
public final class StreamsProperties {
  private StreamsProperties() {}

  /**
   * Kafka client properties under {@code kafka:} (bootstrap servers, security), then application id, threads, commit
   * interval and processing guarantee from {@code streams.*}, state under {@code <dataDir>/streams}, internal topics
   * with the configured replication factor, and the dead-letter exception handlers.
   */
  public static Properties of(ListenerConfig config, DeadLetters deadLetters) {
    Properties props = new Properties();
    props.putAll(config.kafka());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(StreamsSettings.APPLICATION_ID));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.get(StreamsSettings.THREADS));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.get(StreamsSettings.COMMIT_INTERVAL).toMillis());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(StreamsSettings.PROCESSING_GUARANTEE));
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.get(CoreSettings.DATA_DIR).resolve("streams").toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(CoreSettings.REPLICATION_FACTOR));
    StreamsErrorHandling.configure(props, deadLetters);
    return props;
  }
}
