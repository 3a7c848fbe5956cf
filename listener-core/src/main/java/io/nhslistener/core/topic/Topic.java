package io.nhslistener.core.topic;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the contract in DESIGN.md, bundled with its serdes and the settings it is created with. Immutable.
 *
 * @param name topic name
 * @param keySerde key serde
 * @param valueSerde value serde
 * @param cleanup cleanup policy
 * @param retention retention for {@link Cleanup#DELETE} topics; ignored for compacted ones
 * @param sizing which partition count from the configuration applies
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(
    String name, Serde<K> keySerde, Serde<V> valueSerde, Cleanup cleanup, Duration retention, Sizing sizing) {

  /** Kafka cleanup policy. */
  public enum Cleanup {
    DELETE(TopicConfig.CLEANUP_POLICY_DELETE),
    COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT);

    private final String policy;

    Cleanup(String policy) {
      this.policy = policy;
    }

    /** The value of Kafka's {@code cleanup.policy}. */
    public String policy() {
      return policy;
    }
  }

  /** Partition-count classes: mention topics scale with traffic, organisation-keyed topics with organisations. */
  public enum Sizing {
    MENTIONS,
    ORGANISATIONS,
    SINGLE
  }

  /**
   * Topic-level configs that make the broker stamp each record when it appends it. Retention by time deletes a
   * segment once its newest record timestamp is older than {@code retention.ms}; Kafka Streams gives its outputs and
   * changelog records the event time of the input, so a mention posted longer ago than the retention (an RSS item
   * from last month, a replayed archive) would be deleted at the broker's next retention check, possibly before
   * anyone read it. Append time makes retention count from when the listener wrote the record. Event time stays in
   * the values ({@code createdAt}, window bounds), which is where every stage reads it.
   */
  public static final Map<String, String> STAMPED_ON_APPEND = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
      "LogAppendTime");

  /**
   * The topic-level configs this topic is created with and checked against; a {@link Cleanup#DELETE} topic is
   * {@linkplain #STAMPED_ON_APPEND stamped on append}.
   */
  public Map<String, String> configs() {
    return cleanup == Cleanup.COMPACT
        ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup.policy())
        : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup.policy(),
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()),
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, STAMPED_ON_APPEND.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG));
  }
}
