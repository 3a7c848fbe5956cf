package io.nhslistener.alerts.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.alerts.metrics.KafkaMeters;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.deadletter.DeadLetters;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts role's detection, running: the {@link AlertTopology} in a {@link KafkaStreams} instance with Kafka
 * Streams' metrics bound to the registry. A stream thread that dies on an unexpected error is replaced; with
 * exactly-once the replacement resumes from the last commit, so no alert is lost or repeated.
 *
 * <p>Usage: {@code try (AlertDetection detection = AlertDetection.start(config, kafka, registry, clock)) { … }}.
 * The topics must exist (the app creates them at start-up).
 */
public final class AlertDetection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDetection.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final AutoCloseable meters;

  private AlertDetection(KafkaStreams streams, AutoCloseable meters) {
    this.streams = streams;
    this.meters = meters;
  }

  /**
   * Builds the topology and starts it.
   *
   * @param config validated configuration ({@code alerts.applicationId}, {@code alerts.window}, {@code dataDir},
   *     {@code topics.replicationFactor})
   * @param kafka Kafka client properties ({@code bootstrap.servers} and security)
   * @param registry where detection, dead-letter and Kafka Streams meters go
   * @param clock wall clock, for the time of dead letters
   */
  public static AlertDetection start(ListenerConfig config, Map<String, Object> kafka, MeterRegistry registry,
      Clock clock) {
    Properties props = AlertStreamsProperties.of(config, kafka, new DeadLetters(registry, clock));
    Topology topology = AlertTopology.buildTopology(config.get(AlertsSettings.WINDOW), new DetectionMeters(registry),
        props);
    KafkaStreams streams = new KafkaStreams(topology, props);
    AutoCloseable meters = KafkaMeters.bind(registry, streams);
    streams.setUncaughtExceptionHandler(error -> {
      LOG.error("alert detection: a stream thread failed and is being replaced", error);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.start();
    LOG.info("alert detection started: application id {}, base window {}", config.get(AlertsSettings.APPLICATION_ID),
        config.get(AlertsSettings.WINDOW));
    return new AlertDetection(streams, meters);
  }

  /** True while the topology runs or rebalances (a health probe); false once it stopped or failed. */
  public boolean isRunning() {
    return streams.state().isRunningOrRebalancing();
  }

  /**
   * Stops the stream threads (committing what is finished), leaves the consumer group and unbinds the meters. Leaving
   * (which Kafka Streams does not do by default) lets a restarted instance take over at once, instead of after the old
   * member's session times out, so a restart holds alerts back by seconds rather than most of a minute.
   */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(CLOSE_TIMEOUT));
    try {
      meters.close();
    } catch (Exception e) {
      LOG.warn("closing the alert detection's Kafka meter binder failed: {}", e.toString());
    }
  }
}
