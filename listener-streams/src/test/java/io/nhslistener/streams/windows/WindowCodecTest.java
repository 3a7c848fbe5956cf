package io.nhslistener.streams.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nhslistener.core.model.SentimentLabel;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class WindowCodecTest {
  private static final long SIZE = 60_000;
  private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

  private static WindowAggregate filled(long start, int authors) {
    WindowAggregate window = new WindowAggregate(start, start + SIZE);
    for (int i = 0; i < authors; i++) {
      window.add(WindowTopologyFixture.mention("trust-a", "x:" + start + ":" + i, Instant.ofEpochMilli(start + i),
          "author-" + i, i % 2 == 0 ? -0.5 : 0.25, i % 2 == 0 ? SentimentLabel.NEGATIVE : SentimentLabel.POSITIVE,
          List.of("term-" + (i % 3)), i % 4 == 0 ? "reddit" : "mastodon", i));
    }
    return window;
  }

  @Test
  void organisationStateSurvivesTheRoundTripInExactAndSketchedForms() {
    long start = T0.toEpochMilli();
    OrgWindows org = OrgWindows.startingAt(start - SIZE);
    WindowAggregate exact = org.windowAt(start, SIZE);
    exact.merge(filled(start, 20));
    WindowAggregate sketched = org.windowAt(start + SIZE, SIZE);
    sketched.merge(filled(start + SIZE, 1_000));

    Serde<OrgWindows> serde = WindowCodec.orgWindowsSerde();
    OrgWindows back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", org));

    assertEquals(org.frontier(), back.frontier());
    List<WindowAggregate> windows = List.copyOf(back.openWindows());
    assertEquals(2, windows.size());
    assertEquals(exact.toStats("trust-a"), windows.get(0).toStats("trust-a"));
    assertEquals(sketched.toStats("trust-a"), windows.get(1).toStats("trust-a"));
  }

  @Test
  void aggregateSurvivesTheRoundTripAndKeepsCounting() {
    Serde<WindowAggregate> serde = WindowCodec.aggregateSerde();
    WindowAggregate window = filled(T0.toEpochMilli(), 10);
    WindowAggregate back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", window));
    back.merge(filled(T0.toEpochMilli(), 10));
    assertEquals(20, back.toStats("trust-a").count());
    assertEquals(10, back.toStats("trust-a").distinctAuthors(), "the same ten authors again");
  }
}
