package io.nhslistener.streams.windows;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of {@code listener.mentions.matched} an organisation's mentions land on: Kafka's default partitioner
 * for a keyed record (murmur2 of the UTF-8 key), which is what a producer or a Kafka Streams sink without a custom
 * partitioner uses. The window task of that partition is the organisation's home: the only task that emits its
 * windows, zero-count ones included.
 */
final class HomePartition {
  private HomePartition() {}

  static int of(String orgId, int partitions) {
    return Utils.toPositive(Utils.murmur2(orgId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
