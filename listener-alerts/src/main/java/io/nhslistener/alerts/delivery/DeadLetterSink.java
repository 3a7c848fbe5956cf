package io.nhslistener.alerts.delivery;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/** Writes dead-letter records and returns only once the broker has them. */
@FunctionalInterface
interface DeadLetterSink {
  /**
   * Sends {@code record} to {@code listener.deadletter} and waits for the acknowledgement.
   *
   * @throws KafkaException when the broker did not acknowledge it in time; the caller keeps the record and tries again
   */
  void send(ProducerRecord<byte[], byte[]> record);
}
