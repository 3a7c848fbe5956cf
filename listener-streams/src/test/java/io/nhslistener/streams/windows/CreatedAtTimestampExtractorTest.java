package io.nhslistener.streams.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CreatedAtTimestampExtractorTest {
  private static final long RECORD_TIMESTAMP = 1_000_000L;

  private static long extract(Object value) {
    ConsumerRecord<Object, Object> record = new ConsumerRecord<>("t", 0, 0, RECORD_TIMESTAMP,
        TimestampType.CREATE_TIME, 0, 0, "trust-a", value, new RecordHeaders(), Optional.empty());
    return new CreatedAtTimestampExtractor().extract(record, 7L);
  }

  private static MatchedMention matched(String createdAt, String ingestedAt) {
    Mention mention = Mention.builder("x:1", "rss", "text", Instant.parse(createdAt), Instant.parse(ingestedAt))
        .build();
    return MatchedMention.of(mention, "trust-a", List.of("r1"), List.of(), new Sentiment(0, SentimentLabel.NEUTRAL));
  }

  @Test
  void eventTimeIsCreatedAtNotTheRecordTimestamp() {
    assertEquals(Instant.parse("2025-03-03T10:00:00Z").toEpochMilli(),
        extract(matched("2025-03-03T10:00:00Z", "2025-03-03T10:05:00Z")));
  }

  @Test
  void aPostDatedAfterItWasFetchedCountsWhenFetched() {
    assertEquals(Instant.parse("2025-03-03T10:05:00Z").toEpochMilli(),
        extract(matched("2025-03-03T11:00:00Z", "2025-03-03T10:05:00Z")));
  }

  @Test
  void aPostDatedBefore1970CountsWhenFetched() {
    assertEquals(Instant.parse("2025-03-03T10:05:00Z").toEpochMilli(),
        extract(matched("1969-12-31T00:00:00Z", "2025-03-03T10:05:00Z")));
  }

  @Test
  void aRecordWithoutAValueKeepsItsTimestamp() {
    assertEquals(RECORD_TIMESTAMP, extract(null));
  }
}
