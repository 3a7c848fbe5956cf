package io.nhslistener.streams.sentiment;

import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.streams.sentiment.eval.ConfusionMatrix;
import java.util.List;

/**
 * Chooses label thresholds on a grid of 0.01 by the mean macro-averaged recall over several labelled sets, so that a
 * large set does not decide the cut for a small one.
 */
final class ThresholdSearch {
  private static final int STEPS = 90;
  private static final double STEPS_PER_UNIT = 100;

  /** Compound scores and gold labels of one set, index-aligned. */
  record Scored(double[] compounds, SentimentLabel[] gold) {}

  private ThresholdSearch() {}

  static LabelThresholds best(List<Scored> sets) {
    LabelThresholds best = new LabelThresholds(0, 0);
    double bestScore = -1;
    for (int n = 0; n <= STEPS; n++) {
      for (int p = 0; p <= STEPS; p++) {
        LabelThresholds candidate = new LabelThresholds(-n / STEPS_PER_UNIT, p / STEPS_PER_UNIT);
        double score = meanMacroRecall(sets, candidate);
        if (score > bestScore + 1e-12) {
          bestScore = score;
          best = candidate;
        }
      }
    }
    return best;
  }

  static double meanMacroRecall(List<Scored> sets, LabelThresholds thresholds) {
    double sum = 0;
    for (Scored set : sets) {
      sum += confusion(set, thresholds).macroRecall();
    }
    return sum / sets.size();
  }

  static ConfusionMatrix confusion(Scored set, LabelThresholds thresholds) {
    ConfusionMatrix m = new ConfusionMatrix();
    for (int i = 0; i < set.compounds().length; i++) {
      m.add(set.gold()[i], thresholds.label(set.compounds()[i]));
    }
    return m;
  }
}
