package io.nhslistener.app.process;

import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * What every role is started with: the validated configuration (with the broker address filled in), the process's
 * meter registry and clock.
 *
 * @param config configuration; {@code config.kafka()} holds {@code bootstrap.servers} and any security settings
 * @param registry the process-wide meter registry scraped at {@code /metrics}
 * @param clock wall clock (a fixed or offset clock in tests and replays)
 */
public record ProcessContext(ListenerConfig config, MeterRegistry registry, Clock clock) {
  /** Kafka client properties for a new client: the configured ones, as a mutable copy. */
  public Map<String, Object> kafkaProperties() {
    return new HashMap<>(config.kafka());
  }

  public Path dataDir() {
    return config.get(CoreSettings.DATA_DIR);
  }
}
