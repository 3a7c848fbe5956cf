package io.nhslistener.alerts.delivery;

import io.nhslistener.core.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery thread: polls {@code listener.alerts}, feeds the {@link DeliveryEngine}, sends what is due and commits
 * what is finished, with manual commits only.
 *
 * <p>On assignment each partition resumes from its committed offset and progress metadata, after first re-reading up
 * to {@code replay} of earlier records so that cool-down and duplicate detection know what was sent before the
 * restart (those records are replayed into state, never sent). On revocation finished progress is committed and the
 * partition's waiting alerts are dropped: the next owner reads them again.
 */
final class DeliveryLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);
  private static final Duration MAX_POLL = Duration.ofMillis(500);

  private final Consumer<byte[], byte[]> consumer;
  private final DeliveryEngine engine;
  private final Clock clock;
  private final Duration replay;
  private volatile boolean closing;
  private volatile boolean failed;

  DeliveryLoop(Consumer<byte[], byte[]> consumer, DeliveryEngine engine, Clock clock, Duration replay) {
    this.consumer = consumer;
    this.engine = engine;
    this.clock = clock;
    this.replay = replay;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(Topics.ALERTS.name()), new Rebalance());
      while (!closing) {
        consumer.poll(pollTimeout()).forEach(engine::accept);
        engine.runDue();
        commit(null);
      }
    } catch (WakeupException e) {
      if (!closing) {
        failed = true;
        LOG.error("delivery consumer woken unexpectedly; delivery stops", e);
      }
    } catch (RuntimeException e) {
      failed = true;
      LOG.error("delivery stopped; unfinished alerts stay uncommitted and are delivered after a restart", e);
    } finally {
      try {
        commit(null);
      } catch (KafkaException e) {
        LOG.warn("final commit failed; unfinished and uncommitted alerts are read again on restart: {}", e.toString());
      }
      consumer.close();
    }
  }

  /** Asks the loop to stop after its current step. */
  void stop() {
    closing = true;
    consumer.wakeup();
  }

  /** False once the loop has stopped because of an error. */
  boolean healthy() {
    return !failed;
  }

  private Duration pollTimeout() {
    Instant now = clock.instant();
    return engine.nextDue()
        .map(due -> Duration.between(now, due))
        .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
        .filter(wait -> wait.compareTo(MAX_POLL) < 0)
        .orElse(MAX_POLL);
  }

  /** Commits what is finished, on {@code only} partitions when given. */
  private void commit(Collection<TopicPartition> only) {
    Map<TopicPartition, OffsetAndMetadata> due = engine.commitsDue(consumer::position);
    if (only != null) {
      due.keySet().retainAll(Set.copyOf(only));
    }
    if (due.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(due);
      engine.committed(due);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      LOG.warn("commit failed during a rebalance; the next owner re-reads unfinished alerts: {}", e.getMessage());
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      try {
        commit(partitions);
      } finally {
        engine.revoke(partitions);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      engine.revoke(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
      Map<TopicPartition, Long> replayFrom = new HashMap<>();
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata offset = committed.get(partition);
        engine.assign(partition, offset);
        if (offset != null) {
          replayFrom.put(partition, clock.instant().minus(replay).toEpochMilli());
        }
      }
      if (replayFrom.isEmpty()) {
        return;
      }
      Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(replayFrom);
      replayFrom.keySet().forEach(partition -> {
        long resume = committed.get(partition).offset();
        OffsetAndTimestamp start = starts.get(partition);
        long seek = start == null ? resume : Math.min(start.offset(), resume);
        consumer.seek(partition, seek);
        LOG.info("delivery resumes {} at offset {} (state replayed from {})", partition, resume, seek);
      });
    }
  }
}
