package io.nhslistener.app.bench;

import io.nhslistener.core.model.SchemaVersion;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A quiet past for the burst organisations: {@value #WINDOWS} base windows of a few mentions each, ending before the
 * run starts, written to {@code listener.org.stats} before any role runs. The detectors learn for
 * {@link io.nhslistener.alerts.detect.SpikeDetector#WARM_UP} windows before they may alert; without this history a
 * run of minutes could never time an alert. Only the burst organisations get one, so detection of every other
 * organisation starts from nothing, as it would on a new deployment.
 */
final class DetectorHistory {
  static final int WINDOWS = 200;
  private static final long TIMEOUT_SECONDS = 60;

  private DetectorHistory() {}

  /**
   * Writes the history of {@code orgs} for windows of {@code window} ending at the window boundary at or before
   * {@code now} minus one window, and waits until the broker has it.
   *
   * @throws IllegalStateException when the broker does not acknowledge within a minute
   */
  static void publish(Map<String, Object> kafka, List<Watch> orgs, Duration window, Instant now, long seed) {
    long size = window.toMillis();
    long end = Math.floorDiv(now.toEpochMilli(), size) * size - size;
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    String topic = Topics.ORG_STATS.name();
    try (KafkaProducer<String, WindowStats> producer = new KafkaProducer<>(props,
        Topics.ORG_STATS.keySerde().serializer(), Topics.ORG_STATS.valueSerde().serializer())) {
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      for (Watch watch : orgs) {
        for (int w = WINDOWS; w > 0; w--) {
          long start = end - w * size;
          WindowStats stats = quiet(watch.orgId(), start, size, random);
          sends.add(producer.send(new ProducerRecord<>(topic, null, start + size - 1, watch.orgId(), stats)));
        }
      }
      for (Future<RecordMetadata> send : sends) {
        send.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot write the detectors' history to " + topic + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the detectors' history", e);
    }
  }

  /** A window of zero to four mentions, mostly neutral. */
  private static WindowStats quiet(String orgId, long start, long size, SplittableRandom random) {
    int count = random.nextInt(5);
    int negative = count == 0 ? 0 : random.nextInt(2);
    int positive = count - negative == 0 ? 0 : random.nextInt(count - negative + 1);
    int neutral = count - negative - positive;
    double mean = count == 0 ? 0.0 : (0.5 * positive - 0.5 * negative) / count;
    return new WindowStats(SchemaVersion.CURRENT, orgId, Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(start + size), count, count, positive, neutral, negative, mean, List.of(), List.of(),
        Map.of());
  }
}
