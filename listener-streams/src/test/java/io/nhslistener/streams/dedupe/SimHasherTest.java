package io.nhslistener.streams.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimHasherTest {
  private final SimHasher hasher = new SimHasher();

  @Test
  void identicalTextsUpToCasePunctuationAndLinksHaveTheSameFingerprint() {
    long a = hasher.hash("Save our maternity unit! Sign at https://example.org/petition?utm=1");
    long b = hasher.hash("save OUR maternity unit sign at www.example.org/petition");
    assertEquals(a, b);
    assertEquals(6, hasher.words());
  }

  @Test
  void anEditedCopyIsWithinThreeBitsAndAnUnrelatedTextIsFar() {
    long campaign = hasher.hash(DedupeTopologyTest.CAMPAIGN);
    long edited = hasher.hash(DedupeTopologyTest.CAMPAIGN_EDITED);
    long unrelated = hasher.hash("Brilliant care from the nurses on the stroke ward at Harrogate District Hospital "
        + "last week, thank you all so much for looking after my dad");
    assertTrue(SimHasher.distance(campaign, edited) <= 3, "distance " + SimHasher.distance(campaign, edited));
    assertTrue(SimHasher.distance(campaign, unrelated) > 10, "distance " + SimHasher.distance(campaign, unrelated));
  }

  @Test
  void wordsAreCountedAndEmptyTextHasNone() {
    hasher.hash("");
    assertEquals(0, hasher.words());
    hasher.hash("one");
    assertEquals(1, hasher.words());
  }

  @Test
  void distanceCountsDifferingBits() {
    assertEquals(0, SimHasher.distance(0xF0L, 0xF0L));
    assertEquals(3, SimHasher.distance(0b1011L, 0b0110L));
    assertEquals(64, SimHasher.distance(0L, -1L));
  }
}
