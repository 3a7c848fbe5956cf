package io.nhslistener.ingest.testing;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.SourceCursor;
import io.nhslistener.core.privacy.Pseudonymiser;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.runner.ErrorPolicy;
import io.nhslistener.ingest.runner.IngestRunner;
import io.nhslistener.ingest.runner.MentionPrivacy;
import io.nhslistener.ingest.runner.Sleeper;
import io.nhslistener.ingest.runner.SourceMetrics;
import io.nhslistener.ingest.source.SourceConnector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Runs a connector inside a real {@link IngestRunner} with Kafka's {@link MockProducer} (transactions on, every send
 * acknowledged), a cursor store reading what earlier producers committed, and a sleeper that records waits instead of
 * waiting. Restarts keep the committed records, as a broker would.
 */
public final class RunnerHarness implements AutoCloseable {
  public static final String KEY = "test-hmac-key-0123456789";
  public static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser(KEY);

  private final String sourceId;
  private final BackoffPolicy backoff;
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final List<MockProducer<byte[], byte[]>> producers = new CopyOnWriteArrayList<>();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private IngestRunner runner;
  private Thread thread;

  public RunnerHarness(String sourceId, BackoffPolicy backoff) {
    this.sourceId = sourceId;
    this.backoff = backoff;
  }

  /** Starts a runner around {@code connector} (a new one after {@link #stop()} to simulate a restart). */
  public RunnerHarness start(SourceConnector connector) {
    return start(connector, () -> {
      MockProducer<byte[], byte[]> producer =
          new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
      producers.add(producer);
      return producer;
    });
  }

  /** As {@link #start(SourceConnector)} with a custom producer factory (to inject Kafka failures). */
  public RunnerHarness start(SourceConnector connector, Supplier<MockProducer<byte[], byte[]>> factory) {
    Sleeper recording = duration -> {
      sleeps.add(duration);
      // Yield briefly so that a polling loop with pauses does not spin a core in tests.
      Thread.sleep(Math.min(duration.toMillis(), 5));
    };
    runner = new IngestRunner(sourceId, connector, () -> {
      MockProducer<byte[], byte[]> producer = factory.get();
      if (!producers.contains(producer)) {
        producers.add(producer);
      }
      return producer;
    }, id -> lastCursor(), new MentionPrivacy(PSEUDONYMISER), new ErrorPolicy(backoff, new Random(7)),
        new DeadLetters(registry, Clock.systemUTC()), new SourceMetrics(registry, sourceId), recording,
        Clock.systemUTC());
    thread = new Thread(runner, "harness-" + sourceId);
    thread.start();
    return this;
  }

  public IngestRunner runner() {
    return runner;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Stops the runner and waits for its thread. */
  public void stop() throws InterruptedException {
    runner.stop();
    thread.join(10_000);
  }

  /** Committed records of every producer so far, in commit order per producer. */
  public List<ProducerRecord<byte[], byte[]>> committed() {
    List<ProducerRecord<byte[], byte[]>> all = new ArrayList<>();
    producers.forEach(producer -> all.addAll(producer.history()));
    return all;
  }

  public List<Mention> mentions() {
    return committed().stream().filter(r -> r.topic().equals(Topics.MENTIONS_RAW.name()))
        .map(r -> Topics.MENTIONS_RAW.valueSerde().deserializer().deserialize(r.topic(), r.value())).toList();
  }

  public List<String> mentionIds() {
    return mentions().stream().map(Mention::id).toList();
  }

  public List<DeadLetter> deadLetters() {
    return committed().stream().filter(r -> r.topic().equals(Topics.DEADLETTER.name()))
        .map(r -> Topics.DEADLETTER.valueSerde().deserializer().deserialize(r.topic(), r.value())).toList();
  }

  public Optional<String> lastCursor() {
    String position = null;
    for (ProducerRecord<byte[], byte[]> record : committed()) {
      if (record.topic().equals(Topics.INGEST_CURSORS.name())) {
        SourceCursor cursor = Topics.INGEST_CURSORS.valueSerde().deserializer().deserialize(record.topic(),
            record.value());
        if (cursor.sourceId().equals(sourceId)) {
          position = cursor.position();
        }
      }
    }
    return Optional.ofNullable(position);
  }

  /** Waits asked for by the runner (back-off, Retry-After, poll intervals). */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public double counter(String name) {
    var counter = registry.find(name).tag("source", sourceId).counter();
    return counter == null ? 0 : counter.count();
  }

  public double retries(String reason) {
    var counter = registry.find("listener.ingest.retries").tag("source", sourceId).tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  public void awaitMentions(int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> mentions().size() >= count);
  }

  @Override
  public void close() {
    if (runner != null) {
      try {
        stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
