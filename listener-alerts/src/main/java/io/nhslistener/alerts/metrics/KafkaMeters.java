package io.nhslistener.alerts.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Binds Kafka's own client metrics through Micrometer's binders ({@code kafka_consumer_fetch_manager_records_lag_max},
 * {@code kafka_producer_record_error_total}, {@code kafka_stream_…}): they are bound, never rewritten. Their tags are
 * Kafka's bounded infrastructure tags ({@code client_id}, {@code topic}, {@code partition}, {@code kafka_version}…),
 * never anything about a post or a person. Close the returned binder when the client closes.
 */
public final class KafkaMeters {
  private KafkaMeters() {}

  public static AutoCloseable bind(MeterRegistry registry, Consumer<?, ?> consumer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
    metrics.bindTo(registry);
    return metrics;
  }

  public static AutoCloseable bind(MeterRegistry registry, Producer<?, ?> producer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(registry);
    return metrics;
  }

  public static AutoCloseable bind(MeterRegistry registry, AdminClient admin) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(admin);
    metrics.bindTo(registry);
    return metrics;
  }

  /** Every metric of a Kafka Streams instance, its embedded clients' included. */
  public static AutoCloseable bind(MeterRegistry registry, KafkaStreams streams) {
    KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(registry);
    return metrics;
  }
}
