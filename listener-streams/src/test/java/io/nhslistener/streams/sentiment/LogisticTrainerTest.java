package io.nhslistener.streams.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.SentimentLabel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogisticTrainerTest {
  private static final int BITS = 2;
  private static final int WORD_A = FeatureEncoder.DENSE.size();
  private static final int WORD_B = WORD_A + 1;

  @Test
  void lbfgsFindsTheMinimumOfAQuadratic() {
    // f(x) = (x0 - 3)^2 + 10 (x1 + 1)^2, minimum at (3, -1).
    double[] x = {0, 0};
    new Lbfgs(100, 1e-12).minimise((w, g) -> {
      g[0] = 2 * (w[0] - 3);
      g[1] = 20 * (w[1] + 1);
      return Math.pow(w[0] - 3, 2) + 10 * Math.pow(w[1] + 1, 2);
    }, x);
    assertEquals(3, x[0], 1e-4);
    assertEquals(-1, x[1], 1e-4);
  }

  @Test
  void learnsWhichWordsMeanWhat() {
    List<TrainingExample> examples = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      examples.add(new TrainingExample(text(WORD_A), 0, 1, 1));
      examples.add(new TrainingExample(text(WORD_B), 1, 0, 1));
      examples.add(new TrainingExample(text(-1), 0, 0, 1));
    }
    LinearModel model = new LogisticTrainer(BITS, 1e-3, 1e-3).fit(examples, new LabelThresholds(-0.3, 0.3));
    assertEquals(SentimentLabel.POSITIVE, model.thresholds().label(model.compound(text(WORD_A))));
    assertEquals(SentimentLabel.NEGATIVE, model.thresholds().label(model.compound(text(WORD_B))));
    assertEquals(SentimentLabel.NEUTRAL, model.thresholds().label(model.compound(text(-1))));
    assertTrue(model.compound(text(WORD_A)) > 0.8);
  }

  /** A bias-only text, plus one hashed word when {@code word} is not negative. */
  private static Features text(int word) {
    Features f = new Features();
    f.add(0, 1);
    if (word >= 0) {
      f.add(word, 1);
    }
    return f;
  }
}
