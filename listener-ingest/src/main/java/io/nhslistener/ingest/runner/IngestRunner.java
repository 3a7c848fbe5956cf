package io.nhslistener.ingest.runner;

import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.SourceCursor;
import io.nhslistener.core.privacy.Redactor;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.ingest.source.Batch;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.source.SourceConnector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one source instance: reads its committed position, polls its connector and commits every batch — mentions after
 * privacy processing, dead letters for malformed payloads and the new position — in one Kafka transaction, so a crash
 * at any point neither loses nor repeats a batch. Failures are retried or given up as {@link ErrorPolicy} decides;
 * after a source failure the connector resumes from the committed position, and after a Kafka failure the producer is
 * replaced and the position re-read (a commit whose outcome is unknown may have succeeded).
 *
 * <p>Runs on the thread that calls {@link #run()}; {@link #stop()} may be called from any thread.
 */
public final class IngestRunner implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestRunner.class);
  static final String STAGE = "ingest";
  /** Batches at least this large are prepared on several cores. */
  private static final int PARALLEL_BATCH = 2_000;

  /** Where a runner is. */
  public enum State { STARTING, RUNNING, RETRYING, FINISHED, FAILED, STOPPED }

  private final String sourceId;
  private final SourceConnector connector;
  private final Supplier<Producer<byte[], byte[]>> producers;
  private final CursorStore cursors;
  private final MentionPrivacy privacy;
  private final ErrorPolicy errors;
  private final DeadLetters deadLetters;
  private final SourceMetrics metrics;
  private final Sleeper sleeper;
  private final Clock clock;

  private volatile boolean stopping;
  private volatile State state = State.STARTING;
  private volatile Thread thread;
  private String committedPosition;

  /**
   * @param sourceId source instance id: cursor key, dead-letter origin, metric tag and part of the transactional id
   * @param producers makes a transactional producer (called again after a Kafka failure); the runner closes it
   */
  public IngestRunner(String sourceId, SourceConnector connector, Supplier<Producer<byte[], byte[]>> producers,
      CursorStore cursors, MentionPrivacy privacy, ErrorPolicy errors, DeadLetters deadLetters, SourceMetrics metrics,
      Sleeper sleeper, Clock clock) {
    this.sourceId = sourceId;
    this.connector = connector;
    this.producers = producers;
    this.cursors = cursors;
    this.privacy = privacy;
    this.errors = errors;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  public String sourceId() {
    return sourceId;
  }

  public State state() {
    return state;
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    Producer<byte[], byte[]> producer = null;
    int failures = 0;
    try {
      while (!stopping) {
        try {
          if (producer == null) {
            producer = start();
          }
          Batch batch = connector.poll();
          metrics.reached(clock.instant());
          if (!batch.isEmpty()) {
            commit(producer, batch);
          }
          failures = 0;
          state = State.RUNNING;
          if (connector.finished()) {
            state = State.FINISHED;
            LOG.info("source {}: finished", sourceId);
            return;
          }
          sleeper.sleep(batch.pause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException | IOException e) {
          if (stopping) {
            return;
          }
          failures++;
          ErrorPolicy.Decision decision = errors.decide(e, failures);
          if (!decision.retry()) {
            state = State.FAILED;
            LOG.error("source {}: giving up ({}): {}", sourceId, decision.reason(), describe(e));
            return;
          }
          state = State.RETRYING;
          metrics.retry(decision.reason());
          LOG.warn("source {}: {} (failure {}), retrying in {} ms", sourceId, describe(e), failures,
              decision.delay().toMillis());
          if (e instanceof KafkaException) {
            close(producer);
            producer = null;
          } else {
            connector.seek(committedPosition);
          }
          sleeper.sleep(decision.delay());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (state != State.FAILED && state != State.FINISHED) {
        state = State.STOPPED;
      }
      connector.close();
      // stop() interrupts this thread; a producer closed with the flag set gives up at once and leaks its I/O thread.
      boolean interrupted = Thread.interrupted();
      close(producer);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Asks the runner to stop and wakes it from a blocked poll or wait; returns at once. The open transaction, if any,
   * is abandoned: the broker aborts it, and the next start resumes from the last committed position.
   */
  public void stop() {
    stopping = true;
    connector.close();
    Thread running = thread;
    if (running != null) {
      running.interrupt();
    }
  }

  private Producer<byte[], byte[]> start() {
    Producer<byte[], byte[]> producer = producers.get();
    try {
      // Fences a predecessor with the same transactional id and aborts what it left open, before the cursor is read.
      producer.initTransactions();
      committedPosition = cursors.position(sourceId).orElse(null);
    } catch (RuntimeException e) {
      close(producer);
      throw e;
    }
    LOG.info("source {}: starting {}", sourceId, committedPosition == null ? "fresh" : "from its committed cursor");
    connector.seek(committedPosition);
    return producer;
  }

  private void commit(Producer<byte[], byte[]> producer, Batch batch) {
    List<Item> items = batch.items();
    // Privacy and serialisation are most of a large batch's cost and independent per item: spread them over the
    // cores, keeping the order, then send in order from this thread (the producer's transaction belongs to it).
    List<ProducerRecord<byte[], byte[]>> records = items.size() >= PARALLEL_BATCH
        ? items.parallelStream().map(this::record).toList()
        : items.stream().map(this::record).toList();
    int malformed = 0;
    producer.beginTransaction();
    for (ProducerRecord<byte[], byte[]> record : records) {
      producer.send(record);
      if (record.topic().equals(Topics.DEADLETTER.name())) {
        malformed++;
      }
    }
    Instant now = clock.instant();
    if (batch.position() != null) {
      SourceCursor cursor = SourceCursor.of(sourceId, batch.position(), now);
      producer.send(new ProducerRecord<>(Topics.INGEST_CURSORS.name(),
          Topics.INGEST_CURSORS.keySerde().serializer().serialize(Topics.INGEST_CURSORS.name(), sourceId),
          Topics.INGEST_CURSORS.valueSerde().serializer().serialize(Topics.INGEST_CURSORS.name(), cursor)));
    }
    producer.commitTransaction();
    if (batch.position() != null) {
      committedPosition = batch.position();
    }
    metrics.committed(items.size() - malformed, malformed, now, batch.newestEventTime());
  }

  /** The record for one item: a private mention for listener.mentions.raw, or a dead letter. */
  private ProducerRecord<byte[], byte[]> record(Item item) {
    if (item instanceof Item.Post post) {
      Mention mention = privacy.apply(post);
      return new ProducerRecord<>(Topics.MENTIONS_RAW.name(),
          Topics.MENTIONS_RAW.keySerde().serializer().serialize(Topics.MENTIONS_RAW.name(), mention.id()),
          Topics.MENTIONS_RAW.valueSerde().serializer().serialize(Topics.MENTIONS_RAW.name(), mention));
    }
    Item.Malformed bad = (Item.Malformed) item;
    return deadLetters.record(STAGE, DeadLetters.Reason.MALFORMED, Redactor.redact(bad.reason()), sourceId, -1, -1,
        null, redacted(bad.payload()));
  }

  /**
   * A malformed payload keeps its bytes for a later replay, but never an identifier the redactor recognises: text
   * with one is stored redacted (as UTF-8), anything else byte for byte.
   */
  static byte[] redacted(byte[] payload) {
    if (payload == null) {
      return null;
    }
    String text = new String(payload, StandardCharsets.UTF_8);
    String clean = Redactor.redact(text);
    return clean == text ? payload : clean.getBytes(StandardCharsets.UTF_8);
  }

  /** An exception for a log line: its type and redacted message, never a payload. */
  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + Redactor.redact(String.valueOf(e.getMessage()));
  }

  private void close(Producer<byte[], byte[]> producer) {
    if (producer != null) {
      try {
        producer.close(Duration.ofSeconds(5));
      } catch (KafkaException e) {
        LOG.warn("source {}: closing the producer failed: {}", sourceId, describe(e));
      }
    }
  }
}
