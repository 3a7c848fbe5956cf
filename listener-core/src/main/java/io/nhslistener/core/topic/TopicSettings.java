package io.nhslistener.core.topic;

/**
 * Partition counts and replication for the catalogue, from configuration.
 *
 * @param mentionPartitions partitions of mention-keyed topics
 * @param organisationPartitions partitions of organisation-keyed topics
 * @param replicationFactor replication factor of every topic (1 on the embedded broker)
 */
public record TopicSettings(int mentionPartitions, int organisationPartitions, short replicationFactor) {
  public static final TopicSettings DEFAULTS = new TopicSettings(6, 6, (short) 1);

  public TopicSettings {
    if (mentionPartitions < 1 || organisationPartitions < 1 || replicationFactor < 1) {
      throw new IllegalArgumentException("partitions and replication factor must be at least 1");
    }
  }

  /** Partition count of {@code topic}. */
  public int partitions(Topic<?, ?> topic) {
    return switch (topic.sizing()) {
      case MENTIONS -> mentionPartitions;
      case ORGANISATIONS -> organisationPartitions;
      case SINGLE -> 1;
    };
  }
}
