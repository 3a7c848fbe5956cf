package io.nhslistener.core.topic;

/**
 * What the broker reports for one topic.
 *
 * @param exists whether the topic exists
 * @param partitions partition count
 * @param replicas replicas of partition 0
 * @param cleanupPolicy {@code cleanup.policy}
 * @param retentionMs {@code retention.ms}
 */
public record TopicState(boolean exists, int partitions, int replicas, String cleanupPolicy, String retentionMs) {
  public static final TopicState MISSING = new TopicState(false, 0, 0, null, null);
}
