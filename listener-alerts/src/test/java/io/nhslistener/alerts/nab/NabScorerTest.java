package io.nhslistener.alerts.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-made 20-row files (probation = floor(0.15 × 20) = 3 rows) with one window over rows 10..13 (width 4).
 * Expected values are worked out by hand from NAB's formulas: σ(y) = 2 / (1 + e^(5y)) − 1.
 */
class NabScorerTest {
  private static final List<LabelledWindow> WINDOW = List.of(new LabelledWindow(10, 13));
  private static final double TOLERANCE = 1e-12;

  @Test
  void probationIsFifteenPercentCappedAt750() {
    assertEquals(3, NabScorer.probationRows(20));
    assertEquals(604, NabScorer.probationRows(4032));
    assertEquals(750, NabScorer.probationRows(22695));
  }

  @Test
  void detectionAtTheWindowStartEarnsTheFullReward() {
    FileScore score = NabScorer.score(flags(20, 10), WINDOW, CostProfile.STANDARD);

    assertEquals(1.0, score.score(), TOLERANCE); // y = -(13 - 10 + 1) / 4 = -1, and σ(-1) / σ(-1) = 1
    assertEquals(1, score.detectedWindows());
  }

  @Test
  void laterDetectionEarnsLessAndOnlyTheEarliestCounts() {
    // y = -(13 - 12 + 1) / 4 = -0.5: σ(-0.5) / σ(-1) = 0.848283639957513 / 0.986614298151430
    FileScore score = NabScorer.score(flags(20, 12, 13), WINDOW, CostProfile.STANDARD);

    assertEquals(0.8597925669097837, score.score(), TOLERANCE);
    assertEquals(0, score.falsePositives());
  }

  @Test
  void missedWindowCostsTheFalseNegativeWeight() {
    assertEquals(-1.0, NabScorer.score(flags(20), WINDOW, CostProfile.STANDARD).score(), TOLERANCE);
    assertEquals(-2.0, NabScorer.score(flags(20), WINDOW, CostProfile.REWARD_LOW_FN_RATE).score(), TOLERANCE);
  }

  @Test
  void falsePositiveBeforeAnyWindowCostsTheFullWeight() {
    FileScore score = NabScorer.score(flags(20, 5, 10), WINDOW, CostProfile.REWARD_LOW_FP_RATE);

    assertEquals(1.0 - 0.22, score.score(), TOLERANCE);
    assertEquals(1, score.falsePositives());
  }

  @Test
  void falsePositiveSoonAfterAWindowCostsLess() {
    // row 15: y = |13 - 15| / (4 - 1) = 2/3, σ(2/3) = -0.931109608667578, times A_FP = 0.11
    FileScore score = NabScorer.score(flags(20, 10, 15), WINDOW, CostProfile.STANDARD);

    assertEquals(1.0 - 0.10242205695343354, score.score(), TOLERANCE);
  }

  @Test
  void detectionsDuringProbationCountForNothing() {
    assertEquals(-1.0, NabScorer.score(flags(20, 0, 1, 2), WINDOW, CostProfile.STANDARD).score(), TOLERANCE);
  }

  @Test
  void windowInsideProbationIsNotScoredButStillSetsFalsePositiveDistance() {
    // 100 rows: probation 15; window 5..8 (width 4) lies inside it; FP at row 17: y = 9 / 3 = 3, so σ = -1
    List<LabelledWindow> early = List.of(new LabelledWindow(5, 8));

    assertEquals(0.0, NabScorer.score(flags(100), early, CostProfile.STANDARD).score(), TOLERANCE);
    assertEquals(-0.11, NabScorer.score(flags(100, 17), early, CostProfile.STANDARD).score(), TOLERANCE);
  }

  @Test
  void thresholdMakesDetectionsAtOrAboveIt() {
    boolean[] detections = NabScorer.detections(new double[] {0.2, 0.5, 0.7}, 0.5);

    assertEquals(List.of(false, true, true), List.of(detections[0], detections[1], detections[2]));
  }

  @Test
  void normalisesBetweenNullAndPerfect() {
    assertEquals(50.0, CostProfile.STANDARD.normalise(0.0, 2), TOLERANCE);
    assertEquals(100.0, CostProfile.STANDARD.normalise(2.0, 2), TOLERANCE);
    assertEquals(0.0, CostProfile.REWARD_LOW_FN_RATE.normalise(-4.0, 2), TOLERANCE);
    assertEquals(400.0 / 6.0, CostProfile.REWARD_LOW_FN_RATE.normalise(0.0, 2), TOLERANCE);
  }

  @Test
  void rejectsWindowsPastTheLastRow() {
    assertThrows(IllegalArgumentException.class,
        () -> NabScorer.score(flags(12), WINDOW, CostProfile.STANDARD));
  }

  private static boolean[] flags(int rows, int... detected) {
    boolean[] flags = new boolean[rows];
    for (int row : detected) {
      flags[row] = true;
    }
    return flags;
  }
}
