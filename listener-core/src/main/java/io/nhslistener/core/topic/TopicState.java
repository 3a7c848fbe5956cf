package io.nhslistener.core.topic;

import java.util.Map;

/**
 * What the broker reports for one topic.
 *
 * @param exists whether the topic exists
 * @param partitions partition count
 * @param replicas replicas of partition 0
 * @param configs the topic's values of the configs the catalogue sets ({@link Topic#configs()} keys), by name
 */
public record TopicState(boolean exists, int partitions, int replicas, Map<String, String> configs) {
  public static final TopicState MISSING = new TopicState(false, 0, 0, Map.of());

  public TopicState {
    configs = Map.copyOf(configs);
  }

  /** The topic's value of config {@code name}, or null when the broker did not report it. */
  public String config(String name) {
    return configs.get(name);
  }
}
