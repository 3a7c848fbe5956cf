package io.nhslistener.streams.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nhslistener.core.model.TermCount;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermCounterTest {
  @Test
  void countsEachTermOncePerMentionMostCountedFirstTiesByTerm() {
    TermCounter counter = new TermCounter();
    counter.addMention(List.of("strike", "a&e", "strike"));
    counter.addMention(List.of("strike"));
    counter.addMention(List.of("ambulance"));
    assertEquals(List.of(new TermCount("strike", 2), new TermCount("a&e", 1), new TermCount("ambulance", 1)),
        counter.top(10));
    assertEquals(List.of(new TermCount("strike", 2)), counter.top(1));
  }

  @Test
  void keepsHeavyHittersWhenMoreTermsArriveThanItTracks() {
    TermCounter counter = new TermCounter();
    for (int i = 0; i < 500; i++) {
      counter.addMention(List.of("waiting list"));
      counter.addMention(List.of("rare-" + i));
    }
    assertEquals(TermCounter.CAPACITY, counter.counts().size());
    assertEquals(new TermCount("waiting list", 500), counter.top(1).get(0));
  }

  @Test
  void mergeAddsCounts() {
    TermCounter a = new TermCounter();
    a.addMention(List.of("strike", "a&e"));
    TermCounter b = new TermCounter();
    b.addMention(List.of("strike"));
    a.merge(b);
    assertEquals(List.of(new TermCount("strike", 2), new TermCount("a&e", 1)), a.top(10));
  }
}
