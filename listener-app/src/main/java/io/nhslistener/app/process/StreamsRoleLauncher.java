package io.nhslistener.app.process;

import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.alerts.metrics.KafkaMeters;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.streams.DedupeAndMatchTopology;
import io.nhslistener.streams.StreamsProperties;
import io.nhslistener.streams.dedupe.DedupeConfig;
import io.nhslistener.streams.match.Matching;
import io.nhslistener.streams.sentiment.SentimentScorer;
import io.nhslistener.streams.windows.WindowConfig;
import io.nhslistener.streams.windows.WindowMetrics;
import io.nhslistener.streams.windows.WindowStage;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams role: dedupe, matching with sentiment, and per-organisation windows, as one Kafka Streams topology
 * with exactly-once processing. A stream thread that dies on an unexpected error is replaced: with exactly-once the
 * replacement resumes from the last commit, so nothing is lost or counted twice.
 */
final class StreamsRoleLauncher implements RoleLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsRoleLauncher.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FIRST_RUN_LIMIT = Duration.ofSeconds(60);

  @Override
  public RunningRole start(ProcessContext context) {
    ListenerConfig config = context.config();
    MeterRegistry registry = context.registry();
    DeadLetters deadLetters = new DeadLetters(registry, context.clock());
    Properties props = StreamsProperties.of(config, deadLetters);
    Matching matching = Matching.create(SentimentScorer.standard()::score, registry);
    Topology topology = topology(context, matching, deadLetters, props);
    KafkaStreams streams = new KafkaStreams(topology, props);
    AutoCloseable meters = KafkaMeters.bind(registry, streams);
    streams.setUncaughtExceptionHandler(error -> {
      LOG.error("streams: a stream thread failed and is being replaced", error);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    try {
      StreamsStartup.startAndAwaitRunning(streams, Role.STREAMS.label(), FIRST_RUN_LIMIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new StartedRole(Role.STREAMS.label(), () -> streams.state().isRunningOrRebalancing(), () -> {
      streams.close(CLOSE_TIMEOUT);
      Closeables.close(meters, "streams meters");
      // The Monitor runs a purge thread of its own: close it once no stream thread can use it.
      Closeables.close(matching, "rule matching");
    });
  }

  private static Topology topology(ProcessContext context, Matching matching, DeadLetters deadLetters,
      Properties props) {
    ListenerConfig config = context.config();
    MeterRegistry registry = context.registry();
    StreamsBuilder builder = new StreamsBuilder();
    String watchlistStore = DedupeAndMatchTopology.buildTopology(builder, DedupeConfig.from(config), matching,
        registry);
    int matchedPartitions = TopicPartitions.count(context.kafkaProperties(), Topics.MENTIONS_MATCHED.name());
    WindowStage.addTo(builder, WindowConfig.from(config), matchedPartitions, watchlistStore,
        new WindowMetrics(registry), deadLetters);
    return builder.build(props);
  }
}
