package io.nhslistener.streams.windows;

import io.nhslistener.core.model.MatchedMention;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a matched mention: the source's {@code createdAt}, whatever timestamp the producer gave the record.
 * A record without a value, or a mention dated before 1970 (which Kafka Streams would drop as an invalid timestamp),
 * keeps the record's own timestamp, so it is still counted rather than lost.
 */
public final class CreatedAtTimestampExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof MatchedMention matched) {
      long createdAt = matched.mention().createdAt().toEpochMilli();
      if (createdAt >= 0) {
        return createdAt;
      }
    }
    return record.timestamp();
  }
}
