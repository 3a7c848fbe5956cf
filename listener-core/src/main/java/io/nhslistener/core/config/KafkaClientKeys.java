package io.nhslistener.core.config;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The Kafka client property names accepted under {@code kafka:}: anything a producer, consumer or admin knows. */
final class KafkaClientKeys {
  static final Set<String> KNOWN = known();

  private KafkaClientKeys() {}

  private static Set<String> known() {
    Set<String> names = new HashSet<>();
    names.addAll(ProducerConfig.configNames());
    names.addAll(ConsumerConfig.configNames());
    names.addAll(AdminClientConfig.configNames());
    return Set.copyOf(names);
  }

  static boolean isKnown(String name) {
    return KNOWN.contains(name);
  }
}
