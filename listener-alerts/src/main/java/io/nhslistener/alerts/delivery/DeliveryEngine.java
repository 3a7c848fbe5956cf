package io.nhslistener.alerts.delivery;

import io.nhslistener.alerts.delivery.channel.DeliveryException;
import io.nhslistener.alerts.delivery.message.Notification;
import io.nhslistener.alerts.metrics.AlertMeters;
import io.nhslistener.alerts.metrics.DeliveryMeters;
import io.nhslistener.alerts.metrics.DeliveryMeters.Outcome;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.deadletter.DeadLetters.Reason;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery state machine, free of Kafka clients so that it can be driven record by record and tick by tick:
 * records in ({@link #accept}), messages out ({@link #runDue}), offsets to commit ({@link #commitsDue}).
 *
 * <p>Each record is decoded (malformed ones are dead-lettered), checked by the {@link NoiseFilter}, routed, and put on
 * each route's {@link RouteQueue}: in the open group, or held until quiet hours end. Groups and digests become
 * {@link Attempt}s, sent synchronously; a failed attempt is retried with the {@link RetryPolicy} and dead-lettered
 * when it gives up. A record is finished when every route has accepted it, or it was suppressed or dead-lettered (and
 * the dead letter acknowledged); only finished records count towards the committed offset ({@link PartitionProgress}).
 * So nothing in memory is ever the only copy of an alert: after a crash, unfinished alerts are read again and held,
 * grouped or retried again, while finished ones are skipped.
 *
 * <p>Not thread-safe: one delivery thread owns it.
 */
final class DeliveryEngine {
  static final String STAGE = "delivery";
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryEngine.class);
  private static final String NO_CHANNEL = "none";

  /** The engine's collaborators. */
  record Parts(RouteSelector selector, WatchDirectory watches, AlertViews views, NoiseFilter noise,
      RetryPolicy retry, Duration groupWindow, DeadLetters deadLetters, DeadLetterSink sink, DeliveryMeters meters,
      AlertMeters alertMeters, Clock clock) {}

  private record PendingDeadLetter(PendingAlert alert, ProducerRecord<byte[], byte[]> record) {}

  private final Parts parts;
  private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
  private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
  private final Map<String, RouteQueue> queues = new LinkedHashMap<>();
  private final List<Attempt> attempts = new ArrayList<>();
  private final List<PendingDeadLetter> deadLetters = new ArrayList<>();
  private final Set<String> unroutedWarned = new HashSet<>();
  private Instant deadLettersDue = Instant.MIN;
  private int deadLetterFailures;

  DeliveryEngine(Parts parts) {
    this.parts = parts;
  }

  /** Takes over a partition; {@code committedOffset} is the group's commit, null when there is none. */
  void assign(TopicPartition partition, OffsetAndMetadata committedOffset) {
    progress.put(partition, PartitionProgress.resume(committedOffset));
    if (committedOffset != null) {
      committed.put(partition, committedOffset);
    }
  }

  /** Gives up partitions: whatever of theirs waits here is dropped, as their next owner reads it again. */
  void revoke(Collection<TopicPartition> partitions) {
    Set<TopicPartition> gone = Set.copyOf(partitions);
    progress.keySet().removeAll(gone);
    committed.keySet().removeAll(gone);
    for (RouteQueue queue : queues.values()) {
      int dropped = queue.drop(item -> gone.contains(item.alert().partition));
      parts.meters().pending(queue.route().channel().type(), -dropped);
    }
    attempts.removeIf(attempt -> {
      int before = attempt.items.size();
      attempt.items.removeIf(item -> gone.contains(item.alert().partition));
      parts.meters().pending(attempt.route.channel().type(), attempt.items.size() - before);
      return attempt.items.isEmpty();
    });
    deadLetters.removeIf(pending -> gone.contains(pending.alert().partition));
  }

  /** Takes one record of {@code listener.alerts}, in offset order per partition. */
  void accept(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    PartitionProgress partitionProgress = progress.get(partition);
    if (partitionProgress == null) {
      LOG.warn("record of unassigned partition {} ignored; its owner delivers it", partition);
      return;
    }
    if (partitionProgress.finishedBefore(record.offset())) {
      replay(record);
      return;
    }
    partitionProgress.begin(record.offset());
    PendingAlert pending = new PendingAlert(partition, record.offset(), record.key(), record.value(),
        partitionProgress);
    try {
      Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
      if (alert == null) {
        throw new RecordFormatException("Alert", "$", null, "is required (a tombstone has no place on this topic)");
      }
      pending.alert(alert);
      route(pending);
    } catch (RecordFormatException e) {
      deadLetter(pending, Reason.MALFORMED, e.getMessage());
    } catch (RuntimeException e) {
      // A defect here must not stop delivery of every later alert: this one is kept in listener.deadletter.
      LOG.error("cannot deliver the alert at {}-{}", partition, record.offset(), e);
      deadLetter(pending, Reason.PROCESSING, "cannot deliver: " + e);
    }
    pending.finishIfSettled();
  }

  /** Sends whatever is due at the clock's current time: closed groups, ended quiet hours, retries, dead letters. */
  void runDue() {
    Instant now = parts.clock().instant();
    queues.values().forEach(queue -> {
      List<RouteItem> group = queue.takeGroupDue(now);
      if (!group.isEmpty()) {
        schedule(group, false, now);
      }
      List<RouteItem> digest = queue.takeHeldDue(now);
      if (!digest.isEmpty()) {
        schedule(digest, true, now);
      }
    });
    for (Attempt attempt : List.copyOf(attempts)) {
      if (!attempt.nextTry.isAfter(now)) {
        execute(attempt);
      }
    }
    sendDeadLetters(parts.clock().instant());
  }

  /** When {@link #runDue} next has something to do, if anything waits. */
  Optional<Instant> nextDue() {
    Stream<Instant> queued = queues.values().stream().flatMap(q -> q.nextDue().stream());
    Stream<Instant> retries = attempts.stream().map(a -> a.nextTry);
    Stream<Instant> letters = deadLetters.isEmpty() ? Stream.empty() : Stream.of(deadLettersDue);
    return Stream.concat(Stream.concat(queued, retries), letters).min(Instant::compareTo);
  }

  /**
   * The commits that would move a partition's committed offset or metadata.
   *
   * @param position the consumer's position of a partition
   */
  Map<TopicPartition, OffsetAndMetadata> commitsDue(ToLongFunction<TopicPartition> position) {
    Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
    progress.forEach((partition, partitionProgress) -> {
      OffsetAndMetadata point = partitionProgress.commitPoint(position.applyAsLong(partition));
      if (!point.equals(committed.get(partition))) {
        due.put(partition, point);
      }
    });
    return due;
  }

  /** Records that the broker has these commits. */
  void committed(Map<TopicPartition, OffsetAndMetadata> commits) {
    commits.forEach((partition, point) -> {
      if (progress.containsKey(partition)) {
        committed.put(partition, point);
      }
    });
  }

  /** A record finished before this assignment: rebuild noise-control and gauge state from it, send nothing. */
  private void replay(ConsumerRecord<byte[], byte[]> record) {
    try {
      Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
      if (alert != null) {
        parts.noise().decide(alert, record.partition(), record.offset());
        parts.alertMeters().track(alert);
      }
    } catch (RecordFormatException e) {
      LOG.debug("finished record at {}-{} is malformed; it was dead-lettered then", record.partition(),
          record.offset());
    }
  }

  private void route(PendingAlert pending) {
    Alert alert = pending.alert();
    parts.alertMeters().raised(alert);
    parts.alertMeters().track(alert);
    NoiseFilter.Decision decision = parts.noise().decide(alert, pending.partition.partition(), pending.offset);
    RouteSelector.Selection selection = parts.selector().select(alert, decision.routingSeverity());
    if (!decision.sends()) {
      selection.routes().forEach(route -> parts.meters().count(route.channel().type(), Outcome.SUPPRESSED));
      LOG.info("alert {} of {} ({} {}) not sent: {}", alert.id(), alert.orgId(), alert.kind(), alert.status(),
          decision.verdict());
      return;
    }
    if (!selection.unknownRouteIds().isEmpty()) {
      LOG.error("organisation {} names routes {} that routes: does not define; alert {} is dead-lettered for them",
          alert.orgId(), selection.unknownRouteIds(), alert.id());
      deadLetter(pending, Reason.PROCESSING, "routes " + selection.unknownRouteIds() + " named for organisation "
          + alert.orgId() + " are not defined under routes:");
    }
    if (selection.routes().isEmpty() && selection.unknownRouteIds().isEmpty()) {
      parts.meters().count(NO_CHANNEL, Outcome.UNROUTED);
      if (unroutedWarned.add(alert.orgId())) {
        LOG.warn("no route takes {} alerts of organisation {}; they stay on listener.alerts and the dashboard "
            + "(set routes in the watchlist or alerts.defaultRoutes)", alert.severity(), alert.orgId());
      }
      return;
    }
    Optional<Watch> watch = parts.watches().find(alert.orgId());
    Instant now = parts.clock().instant();
    for (Route route : selection.routes()) {
      RouteItem item = new RouteItem(pending, route);
      pending.open();
      parts.meters().pending(item.channel(), 1);
      RouteQueue queue = queues.computeIfAbsent(route.id(), id -> new RouteQueue(route, parts.groupWindow()));
      Optional<Instant> release = QuietHold.releaseTime(alert, decision.routingSeverity(), route, watch);
      if (release.isPresent()) {
        parts.meters().count(item.channel(), Outcome.HELD);
        queue.hold(item, release.get());
      } else {
        queue.add(item, now);
      }
    }
  }

  private void schedule(List<RouteItem> items, boolean digest, Instant now) {
    Route route = items.get(0).route();
    // A zero group window means one message per alert, even for alerts read in the same poll; a digest is one message.
    boolean together = route.channel().groupsAlerts() && (digest || !parts.groupWindow().isZero());
    if (together) {
      attempts.add(new Attempt(route, digest, items, now));
    } else {
      items.forEach(item -> attempts.add(new Attempt(route, digest, List.of(item), now)));
    }
  }

  private void execute(Attempt attempt) {
    Instant started = parts.clock().instant();
    if (attempt.firstTry == null) {
      attempt.firstTry = started;
    }
    String channel = attempt.route.channel().type();
    try {
      Notification notification = new Notification(attempt.kind(),
          attempt.items.stream().map(item -> parts.views().view(item.alert().alert())).toList());
      attempt.route.channel().send(notification);
    } catch (DeliveryException e) {
      failed(attempt, e);
      return;
    } catch (RuntimeException e) {
      LOG.error("route {} ({}): the message could not be made or sent", attempt.route.id(), channel, e);
      failed(attempt, DeliveryException.permanent("cannot make or send the message: " + e, e));
      return;
    }
    attempts.remove(attempt);
    Instant accepted = parts.clock().instant();
    for (RouteItem item : attempt.items) {
      parts.meters().count(channel, Outcome.DELIVERED);
      parts.meters().delivered(channel, Duration.between(item.alert().alert().windowEnd(), accepted));
      parts.meters().pending(channel, -1);
      item.alert().settle();
    }
    LOG.info("route {} ({}): delivered {} alert(s) as {}", attempt.route.id(), channel, attempt.items.size(),
        attempt.kind());
  }

  private void failed(Attempt attempt, DeliveryException e) {
    Instant now = parts.clock().instant();
    attempt.failures++;
    String channel = attempt.route.channel().type();
    attempt.items.forEach(item -> parts.meters().count(channel, Outcome.FAILED_ATTEMPT));
    Optional<Instant> next = e.isRetriable()
        ? parts.retry().next(attempt.firstTry, attempt.failures, now, e.retryAfter())
        : Optional.empty();
    if (next.isPresent()) {
      attempt.nextTry = next.get();
      LOG.warn("route {} ({}): attempt {} failed: {}; retrying in {} ms", attempt.route.id(), channel,
          attempt.failures, e.getMessage(), Duration.between(now, next.get()).toMillis());
      return;
    }
    attempts.remove(attempt);
    String why = "delivery to route " + attempt.route.id() + " (" + channel + ") failed after " + attempt.failures
        + " attempt(s) over " + Duration.between(attempt.firstTry, now).toSeconds() + " s"
        + (e.isRetriable() ? "" : ", not retriable") + ": " + e.getMessage();
    LOG.error("route {} ({}): giving up on {} alert(s), dead-lettered: {}", attempt.route.id(), channel,
        attempt.items.size(), e.getMessage());
    for (RouteItem item : attempt.items) {
      parts.meters().count(channel, Outcome.DEAD_LETTERED);
      parts.meters().pending(channel, -1);
      deadLetter(item.alert(), Reason.PROCESSING, why);
      item.alert().settle();
    }
  }

  /** Opens a dead-letter obligation on the record and tries to send it at once. */
  private void deadLetter(PendingAlert pending, Reason reason, String message) {
    pending.open();
    ProducerRecord<byte[], byte[]> record = parts.deadLetters().record(STAGE, reason, message,
        pending.partition.topic(), pending.partition.partition(), pending.offset, pending.key, pending.value);
    deadLetters.add(new PendingDeadLetter(pending, record));
    sendDeadLetters(parts.clock().instant());
  }

  private void sendDeadLetters(Instant now) {
    if (deadLetters.isEmpty() || deadLettersDue.isAfter(now)) {
      return;
    }
    for (PendingDeadLetter pending : List.copyOf(deadLetters)) {
      try {
        parts.sink().send(pending.record());
      } catch (KafkaException e) {
        deadLetterFailures++;
        deadLettersDue = now.plus(parts.retry().backoff(deadLetterFailures));
        LOG.warn("cannot write to listener.deadletter ({}); {} dead letter(s) kept, next try in {} ms",
            e.getMessage(), deadLetters.size(), Duration.between(now, deadLettersDue).toMillis());
        return;
      }
      deadLetterFailures = 0;
      deadLetters.remove(pending);
      pending.alert().settle();
    }
  }
}
