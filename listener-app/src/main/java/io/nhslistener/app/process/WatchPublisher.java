package io.nhslistener.app.process;

import io.nhslistener.core.model.Watch;
import io.nhslistener.core.topic.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Writes organisations to the compacted {@code listener.rules} topic and waits until the broker has them. */
public final class WatchPublisher {
  private static final long TIMEOUT_SECONDS = 30;

  private WatchPublisher() {}

  /**
   * Publishes each watch under its organisation id, and a tombstone for each id in {@code removed}.
   *
   * @throws IllegalStateException when the broker does not acknowledge within 30 s
   */
  public static void publish(Map<String, Object> kafka, List<Watch> watches, List<String> removed) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    String topic = Topics.RULES.name();
    try (KafkaProducer<String, Watch> producer = new KafkaProducer<>(props, Topics.RULES.keySerde().serializer(),
        Topics.RULES.valueSerde().serializer())) {
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      watches.forEach(watch -> sends.add(producer.send(new ProducerRecord<>(topic, watch.orgId(), watch))));
      removed.forEach(orgId -> sends.add(producer.send(new ProducerRecord<>(topic, orgId, null))));
      for (Future<RecordMetadata> send : sends) {
        send.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish to " + topic + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing to " + topic, e);
    }
  }
}
