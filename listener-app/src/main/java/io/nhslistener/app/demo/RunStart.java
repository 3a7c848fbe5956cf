package io.nhslistener.app.demo;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Starts a demo run's consumer groups at the current end of their input topics. Each run has its own application ids
 * (so its windows, dedupe and detector state start fresh) and must not re-read earlier runs' records, which would
 * arrive as a second, overlapping history.
 */
public final class RunStart {
  private static final long TIMEOUT_SECONDS = 30;

  private RunStart() {}

  /** The end offset of every partition of {@code topics}. */
  public static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    descriptions.values().forEach(description -> description.partitions().forEach(partition ->
        request.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    ends.forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }

  /** Commits {@code offsets} for each of {@code groups}, which must not be active yet. */
  public static void commit(Admin admin, List<String> groups, Map<TopicPartition, Long> offsets)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    offsets.forEach((partition, offset) -> {
      if (offset > 0) {
        commits.put(partition, new OffsetAndMetadata(offset));
      }
    });
    if (commits.isEmpty()) {
      return;
    }
    for (String group : groups) {
      admin.alterConsumerGroupOffsets(group, commits).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
