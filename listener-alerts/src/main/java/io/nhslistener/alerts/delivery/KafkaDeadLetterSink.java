package io.nhslistener.alerts.delivery;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/** Sends dead letters with an idempotent, acks=all producer and waits for each acknowledgement. */
final class KafkaDeadLetterSink implements DeadLetterSink {
  private final Producer<byte[], byte[]> producer;
  private final Duration timeout;

  KafkaDeadLetterSink(Producer<byte[], byte[]> producer, Duration timeout) {
    this.producer = producer;
    this.timeout = timeout;
  }

  @Override
  public void send(ProducerRecord<byte[], byte[]> record) {
    try {
      producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new KafkaException("dead letter not acknowledged: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("dead letter not acknowledged within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while writing a dead letter", e);
    }
  }
}
