package io.nhslistener.ingest.runner;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The producer every source instance writes with: transactional, idempotent, {@code acks=all}, compressed. */
public final class IngestProducers {
  private static final String TRANSACTIONAL_ID_PREFIX = "listener-ingest-";

  private IngestProducers() {}

  /**
   * Producer properties for one source instance. Values the operator set under {@code kafka:} win, except those the
   * guarantees depend on (idempotence, {@code acks}, the transactional id and the serialisers).
   *
   * @param kafkaProps client properties from the configuration
   * @param sourceId source instance id; two processes running the same id fence each other, as intended
   */
  public static Map<String, Object> config(Map<String, ?> kafkaProps, String sourceId) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
    // The first send after a commit may meet CONCURRENT_TRANSACTIONS while the broker writes the markers: retry soon.
    props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 20);
    props.putAll(kafkaProps);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + sourceId);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + sourceId);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    // Consumer-only keys from the shared kafka: section would only produce warnings.
    props.keySet().retainAll(ProducerConfig.configNames());
    return props;
  }

  /** A new transactional producer for {@code sourceId}. */
  public static Producer<byte[], byte[]> create(Map<String, ?> kafkaProps, String sourceId) {
    return new KafkaProducer<>(config(kafkaProps, sourceId));
  }
}
