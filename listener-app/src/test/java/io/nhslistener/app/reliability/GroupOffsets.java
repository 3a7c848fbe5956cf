package io.nhslistener.app.reliability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group has durably got through a topic, summed over its partitions, from the broker's view. */
final class GroupOffsets {
  private GroupOffsets() {}

  /** Sum of the group's committed offsets on {@code topic}; 0 for partitions it never committed. */
  static long committed(Map<String, Object> kafka, String group, String topic)
      throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(kafka)) {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get();
      return offsets.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset()).sum();
    }
  }

  /** Sum of the end offsets of {@code topic}'s partitions. */
  static long end(Map<String, Object> kafka, String topic) throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(kafka)) {
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }
  }
}
