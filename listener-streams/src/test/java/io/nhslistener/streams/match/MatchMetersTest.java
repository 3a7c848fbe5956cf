package io.nhslistener.streams.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MatchMetersTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MatchMeters meters = new MatchMeters(registry, Clock.fixed(NOW, ZoneOffset.UTC));

  private static Mention ingested(String id, Instant at) {
    return Mention.builder(id, "mastodon", "text", at.minusSeconds(60), at).build();
  }

  private static MatchedMention match(Mention mention, String orgId) {
    return MatchedMention.of(mention, orgId, List.of("name"), List.of("term"),
        new Sentiment(0, SentimentLabel.NEUTRAL));
  }

  private double count(String name, String tag, String value) {
    var counter = registry.find(name).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void countsOutcomesMatchesPerOrganisationAndLatencyOncePerMatchedMention() {
    Mention both = ingested("mastodon:1", NOW.minusMillis(300));
    Mention one = ingested("mastodon:2", NOW.minusMillis(40));
    meters.matched(both, List.of(match(both, "leeds-th"), match(both, "nhs-england")));
    meters.matched(one, List.of(match(one, "leeds-th")));
    meters.matched(ingested("mastodon:3", NOW), List.of());
    meters.retraction();

    assertEquals(2, count(MatchMeters.MENTIONS, "outcome", "matched"));
    assertEquals(1, count(MatchMeters.MENTIONS, "outcome", "unmatched"));
    assertEquals(1, count(MatchMeters.MENTIONS, "outcome", "retraction"));
    assertEquals(2, count(MatchMeters.MATCHED, "organisation", "leeds-th"));
    assertEquals(1, count(MatchMeters.MATCHED, "organisation", "nhs-england"));
    Timer latency = registry.find(MatchMeters.LATENCY).timer();
    assertEquals(2, latency.count(), "one latency per matched mention, not per organisation");
    assertEquals(340, latency.totalTime(TimeUnit.MILLISECONDS), 0.001);
    assertEquals(300, latency.max(TimeUnit.MILLISECONDS), 0.001);
  }

  @Test
  void aMentionStampedAheadOfTheClockCountsAsNoDelay() {
    Mention ahead = ingested("mastodon:4", NOW.plusSeconds(5));
    meters.matched(ahead, List.of(match(ahead, "leeds-th")));
    assertEquals(0, registry.find(MatchMeters.LATENCY).timer().totalTime(TimeUnit.MILLISECONDS));
  }
}
