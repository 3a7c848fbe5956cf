package io.nhslistener.streams.windows;

import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a matched mention: the source's {@code createdAt}, whatever timestamp the producer gave the record, but
 * never later than {@code ingestedAt} (a source whose clock runs ahead cannot date a post in the future). A mention
 * dated before 1970, which Kafka Streams would drop as an invalid timestamp, counts at its {@code ingestedAt}; a record
 * without a value keeps its own timestamp.
 */
public final class CreatedAtTimestampExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof MatchedMention matched) {
      Mention mention = matched.mention();
      long created = mention.createdAt().toEpochMilli();
      long ingested = mention.ingestedAt().toEpochMilli();
      return created < 0 ? ingested : Math.min(created, ingested);
    }
    return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
  }
}
