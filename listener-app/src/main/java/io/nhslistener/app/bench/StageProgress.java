package io.nhslistener.app.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each stage has read its input, from the broker's view: the committed offsets of the stage's consumer group
 * against the last stable offsets of its input topic, counted from where the run started. Offsets count transaction
 * markers too (one per partition per commit), so the figures are records plus a small overhead; a stage is caught up
 * when at most one offset per partition (a marker) is left. The topics must exist when this is created; one reading
 * costs one offsets request and one request per consumer group.
 */
final class StageProgress implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 30;

  /** One stage: a consumer group reading one topic. */
  record Stage(String name, String group, String topic) {}

  /** Where one stage is: offsets read since the start and still to read. */
  record Position(long read, long lag, int partitions) {
    boolean caughtUp() {
      return lag <= partitions;
    }
  }

  private final Admin admin;
  private final List<Stage> stages;
  private final Map<TopicPartition, Long> start;
  private final Map<TopicPartition, OffsetSpec> partitions;

  /**
   * @param start the run's start offset of partitions of the stages' topics; absent ones start at 0
   * @throws IllegalStateException when the topics cannot be described
   */
  StageProgress(Map<String, Object> kafka, List<Stage> stages, Map<TopicPartition, Long> start) {
    this.admin = Admin.create(kafka);
    this.stages = List.copyOf(stages);
    this.start = Map.copyOf(start);
    try {
      this.partitions = latest(admin, stages.stream().map(Stage::topic).distinct().toList());
    } catch (ExecutionException | TimeoutException e) {
      admin.close();
      throw new IllegalStateException("cannot describe the stages' topics: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      admin.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing the stages' topics", e);
    }
  }

  /** Every stage's position now, in stage order. */
  Map<String, Position> read() {
    try {
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .forEach((partition, info) -> ends.put(partition, info.offset()));
      Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
      for (Stage stage : stages) {
        if (!committed.containsKey(stage.group())) {
          committed.put(stage.group(), admin.listConsumerGroupOffsets(stage.group())
              .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
      }
      Map<String, Position> positions = new LinkedHashMap<>();
      for (Stage stage : stages) {
        positions.put(stage.name(), position(stage, ends, committed.get(stage.group())));
      }
      return positions;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the stages' offsets: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the stages' offsets", e);
    }
  }

  private Position position(Stage stage, Map<TopicPartition, Long> ends,
      Map<TopicPartition, OffsetAndMetadata> committed) {
    long read = 0;
    long lag = 0;
    int count = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (!end.getKey().topic().equals(stage.topic())) {
        continue;
      }
      long from = start.getOrDefault(end.getKey(), 0L);
      OffsetAndMetadata offset = committed.get(end.getKey());
      long at = offset == null ? from : Math.max(from, offset.offset());
      read += at - from;
      lag += Math.max(0, end.getValue() - at);
      count++;
    }
    return new Position(read, lag, count);
  }

  /** A latest-offset request for every partition of {@code topics}. */
  private static Map<TopicPartition, OffsetSpec> latest(Admin admin, Collection<String> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    descriptions.values().forEach(description -> description.partitions().forEach(partition ->
        request.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
    return request;
  }

  @Override
  public void close() {
    admin.close();
  }
}
