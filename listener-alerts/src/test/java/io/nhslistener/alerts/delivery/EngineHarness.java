package io.nhslistener.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.alerts.metrics.AlertMeters;
import io.nhslistener.alerts.metrics.DeliveryMeters;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/** A {@link DeliveryEngine} wired for tests: a hand-moved clock, a watch map and a dead-letter list. */
final class EngineHarness {
  static final String TOPIC = Topics.ALERTS.name();

  final TestClock clock;
  final MeterRegistry registry;
  final Map<String, Watch> watches = new HashMap<>();
  final List<ProducerRecord<byte[], byte[]>> deadLetters = new CopyOnWriteArrayList<>();
  final AtomicBoolean deadLetterTopicDown = new AtomicBoolean();
  final DeliveryEngine engine;
  private final Map<Integer, Long> nextOffset = new HashMap<>();
  private final Map<TopicPartition, OffsetAndMetadata> lastCommitted = new HashMap<>();

  EngineHarness(Instant start, Routes routes, List<String> defaultRoutes, Duration cooldown, Duration groupWindow,
      RetryPolicy retry) {
    this(start, routes, defaultRoutes, cooldown, groupWindow, retry, new SimpleMeterRegistry());
  }

  EngineHarness(Instant start, Routes routes, List<String> defaultRoutes, Duration cooldown, Duration groupWindow,
      RetryPolicy retry, MeterRegistry registry) {
    this.clock = new TestClock(start);
    this.registry = registry;
    WatchDirectory directory = id -> Optional.ofNullable(watches.get(id));
    this.engine = new DeliveryEngine(new DeliveryEngine.Parts(
        new RouteSelector(routes, directory, defaultRoutes),
        directory,
        new AlertViews(directory, new DashboardLinks("https://grafana.example.nhs.uk")),
        new NoiseFilter(cooldown, Duration.ofDays(1)),
        retry,
        groupWindow,
        new DeadLetters(registry, clock),
        record -> {
          if (deadLetterTopicDown.get()) {
            throw new KafkaException("broker unreachable");
          }
          deadLetters.add(record);
        },
        new DeliveryMeters(registry),
        new AlertMeters(registry),
        clock));
  }

  /** Backoff 1 s doubling to 4 s, no jitter spread worth noting, given up after {@code maxAge}. */
  static RetryPolicy retry(Duration maxAge) {
    return new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(4), maxAge, new Random(7));
  }

  void assign(int partition, OffsetAndMetadata committed) {
    TopicPartition tp = new TopicPartition(TOPIC, partition);
    engine.assign(tp, committed);
    if (committed != null) {
      lastCommitted.put(tp, committed);
    }
  }

  /** Feeds an alert as the next record of {@code partition}; returns its offset. */
  long feed(int partition, Alert alert) {
    return feed(partition, alert.orgId(), Topics.ALERTS.valueSerde().serializer().serialize(TOPIC, alert));
  }

  long feed(int partition, String key, byte[] value) {
    long offset = nextOffset.merge(partition, 1L, Long::sum) - 1;
    feedAt(partition, offset, key, value);
    return offset;
  }

  /** Feeds a record at a given offset (a re-read after a restart). */
  void feedAt(int partition, long offset, String key, byte[] value) {
    engine.accept(new ConsumerRecord<>(TOPIC, partition, offset, key.getBytes(StandardCharsets.UTF_8), value));
  }

  /** Advances the clock in {@code step}s up to {@code total}, running due work at each step. */
  void run(Duration total, Duration step) {
    engine.runDue();
    for (Duration passed = Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plus(step)) {
      clock.advance(step);
      engine.runDue();
    }
  }

  /** What would be committed for {@code partition} with the consumer at {@code position}. */
  OffsetAndMetadata commitPoint(int partition, long position) {
    TopicPartition tp = new TopicPartition(TOPIC, partition);
    Map<TopicPartition, OffsetAndMetadata> due = engine.commitsDue(p -> position);
    engine.committed(due);
    lastCommitted.putAll(due);
    return lastCommitted.get(tp);
  }

  double counter(String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }
}
