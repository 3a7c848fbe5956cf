package io.nhslistener.streams;

import io.nhslistener.core.model.Mention;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a mention: when the source says it was posted ({@code createdAt}), but never later than when it was
 * fetched ({@code ingestedAt}), so that a wrong clock at a source cannot push stream time into the future and expire
 * every window and dedupe entry at once. Records that are not mentions keep their record timestamp.
 */
public final class MentionTimestamps implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof Mention mention) {
      long created = mention.createdAt().toEpochMilli();
      long ingested = mention.ingestedAt().toEpochMilli();
      return created < 0 ? ingested : Math.min(created, ingested);
    }
    return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
  }
}
