package io.nhslistener.streams.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nhslistener.core.model.SentimentLabel;
import org.junit.jupiter.api.Test;

class LabelThresholdsTest {
  private final LabelThresholds thresholds = new LabelThresholds(-0.2, 0.3);

  @Test
  void cutsStrictlyOutsideTheNeutralBand() {
    assertEquals(SentimentLabel.NEGATIVE, thresholds.label(-0.2001));
    assertEquals(SentimentLabel.NEUTRAL, thresholds.label(-0.2));
    assertEquals(SentimentLabel.NEUTRAL, thresholds.label(0));
    assertEquals(SentimentLabel.NEUTRAL, thresholds.label(0.3));
    assertEquals(SentimentLabel.POSITIVE, thresholds.label(0.3001));
    assertEquals(SentimentLabel.NEGATIVE, thresholds.label(-1));
    assertEquals(SentimentLabel.POSITIVE, thresholds.label(1));
  }

  @Test
  void rejectsInvertedOrOutOfRangeThresholds() {
    assertThrows(IllegalArgumentException.class, () -> new LabelThresholds(0.3, -0.2));
    assertThrows(IllegalArgumentException.class, () -> new LabelThresholds(-1.5, 0));
    assertThrows(IllegalArgumentException.class, () -> new LabelThresholds(0, Double.NaN));
  }

  @Test
  void shippedModelThresholdsLeaveANeutralBandAroundZero() {
    LabelThresholds shipped = SentimentScorer.loadModel("/sentiment/model.tsv").thresholds();
    assertEquals(SentimentLabel.NEUTRAL, shipped.label(0));
  }
}
