package io.nhslistener.app.windows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.streams.errors.StreamsErrorHandling;
import io.nhslistener.streams.windows.WatchlistTable;
import io.nhslistener.streams.windows.WindowConfig;
import io.nhslistener.streams.windows.WindowMetrics;
import io.nhslistener.streams.windows.WindowStage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window stage alone, in its own JVM, so that a test can kill it without warning ({@code destroyForcibly}) and
 * start it again on the same state directory. Arguments: bootstrap servers, state directory, partitions of
 * {@code listener.mentions.matched}. Windows of one minute, 30 s grace, 5-minute roll-ups, 2 s settle, exactly-once v2.
 */
public final class WindowStageChild {
  static final WindowConfig CONFIG = new WindowConfig(Duration.ofMinutes(1), Duration.ofSeconds(30),
      List.of(Duration.ofMinutes(5)), Duration.ofSeconds(1), Duration.ofSeconds(2));

  private static final Logger LOG = LoggerFactory.getLogger(WindowStageChild.class);

  private WindowStageChild() {}

  public static void main(String[] args) throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeadLetters deadLetters = new DeadLetters(registry, Clock.systemUTC());
    StreamsBuilder builder = new StreamsBuilder();
    WindowStage.addTo(builder, CONFIG, Integer.parseInt(args[2]), WatchlistTable.register(builder),
        new WindowMetrics(registry), deadLetters);

    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "windows-eos-it");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(StreamsConfig.STATE_DIR_CONFIG, args[1]);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    // Static membership: the restarted instance takes over its predecessor's partitions at once instead of waiting
    // for the dead member's session to time out.
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "windows-eos-it-instance");
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    StreamsErrorHandling.configure(props, deadLetters);

    CountDownLatch stopped = new CountDownLatch(1);
    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    streams.setStateListener((now, before) -> {
      LOG.info("Window stage {} -> {}", before, now);
      if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
        stopped.countDown();
      }
    });
    Runtime.getRuntime().addShutdownHook(new Thread(streams::close, "window-stage-child-stop"));
    streams.start();
    stopped.await();
  }
}
