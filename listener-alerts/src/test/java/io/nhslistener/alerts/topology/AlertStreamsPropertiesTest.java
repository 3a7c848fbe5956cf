package io.nhslistener.alerts.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.core.config.ConfigValues;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.config.Setting;
import io.nhslistener.core.deadletter.DeadLetters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class AlertStreamsPropertiesTest {
  private static ListenerConfig config(Map<Setting<?>, Object> values) {
    return new ListenerConfig(ConfigValues.of(values), Map.of("bootstrap.servers", "broker:9092"), Map.of());
  }

  @Test
  void exactlyOnceWithStateUnderTheDataDirAndDeadLetterHandlers() {
    DeadLetters deadLetters = new DeadLetters(new SimpleMeterRegistry(), Clock.systemUTC());
    ListenerConfig config = config(Map.of(CoreSettings.DATA_DIR, Path.of("/var/lib/listener"),
        CoreSettings.REPLICATION_FACTOR, 3));

    Properties props = AlertStreamsProperties.of(config, deadLetters);

    assertEquals("broker:9092", props.get("bootstrap.servers"));
    assertEquals("nhs-listener-alerts", props.get(StreamsConfig.APPLICATION_ID_CONFIG));
    assertEquals("exactly_once_v2", props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
    assertEquals(100L, props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    assertEquals(Path.of("/var/lib/listener/streams").toString(), props.get(StreamsConfig.STATE_DIR_CONFIG));
    assertEquals(3, props.get(StreamsConfig.REPLICATION_FACTOR_CONFIG));
    assertEquals(DeadLetterDeserializationHandler.class.getName(),
        props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG));
    assertEquals(DeadLetterProcessingHandler.class.getName(),
        props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG));
    assertSame(deadLetters, props.get(AlertsErrorHandling.DEAD_LETTERS_CONFIG));
    // Kafka Streams accepts the whole configuration
    assertEquals("exactly_once_v2", new StreamsConfig(props).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
  }

  @Test
  void applicationIdAndKafkaClientPropertiesAreConfigurable() {
    ListenerConfig config = config(Map.of(AlertsSettings.APPLICATION_ID, "alerts-blue"));

    Properties props = AlertStreamsProperties.of(config, Map.of("bootstrap.servers", "other:9093",
        "security.protocol", "SSL"), new DeadLetters(new SimpleMeterRegistry(), Clock.systemUTC()));

    assertEquals("alerts-blue", props.get(StreamsConfig.APPLICATION_ID_CONFIG));
    assertEquals("other:9093", props.get("bootstrap.servers"));
    assertEquals("SSL", props.get("security.protocol"));
    assertEquals(Path.of("data", "streams").toString(), props.get(StreamsConfig.STATE_DIR_CONFIG));
  }

  @Test
  void baseWindowDefaultsToStreamsDefaultOfOneMinute() {
    assertEquals(Duration.ofMinutes(1), config(Map.of()).get(AlertsSettings.WINDOW));
    assertTrue(AlertsSettings.ALL.contains(AlertsSettings.WINDOW), "the app composes ALL into its schema");
    assertTrue(AlertsSettings.ALL.contains(AlertsSettings.APPLICATION_ID), "the app composes ALL into its schema");
  }
}
