package io.nhslistener.streams.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LinearModelTest {
  private static final int BITS = 4;
  private static final int DIMENSION = FeatureEncoder.DENSE.size() + (1 << BITS);

  @Test
  void compoundIsPositiveMinusNegativeProbability() {
    assertEquals(0, LinearModel.compound(0, 0), 1e-12);
    // Logits (ln 2, 0, ln 4): probabilities 2/7, 1/7, 4/7, so the compound is 2/7.
    assertEquals(2.0 / 7, LinearModel.compound(Math.log(2), Math.log(4)), 1e-12);
    assertEquals(-LinearModel.compound(1.5, -0.5), LinearModel.compound(-0.5, 1.5), 1e-12);
    assertTrue(LinearModel.compound(-1000, 1000) <= 1);
    assertTrue(LinearModel.compound(1000, -1000) >= -1);
  }

  @Test
  void writesAndReadsBackTheSameWeights() {
    float[] negative = new float[DIMENSION];
    float[] positive = new float[DIMENSION];
    negative[0] = -0.5f;
    positive[1] = 1.25f;
    negative[DIMENSION - 1] = 0.125f;
    LinearModel model = new LinearModel(BITS, new LabelThresholds(-0.1, 0.2), negative, positive);
    StringWriter out = new StringWriter();
    model.write(out, "test");
    LinearModel read = LinearModel.read(
        new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), "test");

    Features features = new Features();
    features.add(0, 1);
    features.add(1, 0.5);
    features.add(DIMENSION - 1, 2);
    assertEquals(model.compound(features), read.compound(features), 1e-9);
    assertEquals(new LabelThresholds(-0.1, 0.2), read.thresholds());
    assertEquals(BITS, read.hashBits());
  }

  @Test
  void rejectsAModelWrittenForOtherFeatures() {
    String file = "hash_bits\t4\nthresholds\t-0.1\t0.1\ndense\tsomething_else\t0\t0\n";
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> LinearModel.read(
        new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "bad.tsv"));
    assertTrue(e.getMessage().contains("bad.tsv line 3"), e.getMessage());
  }

  @Test
  void rejectsNonFiniteWeights() {
    String file = "hash_bits\t4\nthresholds\t-0.1\t0.1\nhashed\t3\tNaN\t0\n";
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> LinearModel.read(
        new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "nan.tsv"));
    assertTrue(e.getMessage().contains("nan.tsv line 3"), e.getMessage());
  }

  @Test
  void rejectsAnIncompleteModel() {
    String file = "hash_bits\t4\n";
    assertThrows(IllegalStateException.class, () -> LinearModel.read(
        new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "short.tsv"));
  }
}
