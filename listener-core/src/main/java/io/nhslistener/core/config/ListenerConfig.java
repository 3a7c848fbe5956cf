package io.nhslistener.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated configuration of one process: top-level settings, Kafka client properties and typed sections.
 * Immutable.
 */
public final class ListenerConfig {
  private final ConfigValues values;
  private final Map<String, String> kafka;
  private final Map<String, List<SectionEntry>> sections;

  public ListenerConfig(ConfigValues values, Map<String, String> kafka, Map<String, List<SectionEntry>> sections) {
    this.values = values;
    this.kafka = Map.copyOf(kafka);
    this.sections = Map.copyOf(sections);
  }

  public <T> T get(Setting<T> setting) {
    return values.get(setting);
  }

  public <T> Optional<T> find(Setting<T> setting) {
    return values.find(setting);
  }

  /** Kafka client properties given under {@code kafka:}, passed to every client. */
  public Map<String, String> kafka() {
    return kafka;
  }

  /** True when no {@code kafka.bootstrap.servers} is configured: the process runs its own embedded broker. */
  public boolean usesEmbeddedBroker() {
    return !kafka.containsKey("bootstrap.servers");
  }

  /** Entries of a typed section, in file order; empty when the section is absent. */
  public List<SectionEntry> section(String name) {
    return sections.getOrDefault(name, List.of());
  }

  /** A copy with different Kafka client properties (the embedded broker's address, once it is known). */
  public ListenerConfig withKafka(Map<String, String> newKafka) {
    return new ListenerConfig(values, newKafka, sections);
  }
}
