package io.nhslistener.streams.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The learned layer: a three-class logistic regression (neutral is the reference class) over {@link FeatureEncoder}
 * features. The compound score is P(positive) - P(negative), which stays in -1..1, is near 0 for neutral text and
 * grows with confidence. Immutable; the weight arrays never leave this class.
 *
 * <p>File format (UTF-8 text, '#' comments): {@code hash_bits N}, {@code thresholds NEG POS}, one
 * {@code dense NAME W_NEG W_POS} line per dense feature in order, then {@code hashed BUCKET W_NEG W_POS} for every
 * bucket with a non-zero weight.
 */
final class LinearModel {
  private final int hashBits;
  private final LabelThresholds thresholds;
  private final float[] negative;
  private final float[] positive;

  LinearModel(int hashBits, LabelThresholds thresholds, float[] negative, float[] positive) {
    int dimension = FeatureEncoder.dimension(hashBits);
    if (negative.length != dimension || positive.length != dimension) {
      throw new IllegalArgumentException("weights must have " + dimension + " entries for " + hashBits + " hash bits");
    }
    this.hashBits = hashBits;
    this.thresholds = thresholds;
    this.negative = negative.clone();
    this.positive = positive.clone();
  }

  int hashBits() {
    return hashBits;
  }

  LabelThresholds thresholds() {
    return thresholds;
  }

  double compound(Features features) {
    double zNegative = 0;
    double zPositive = 0;
    for (int i = 0; i < features.size(); i++) {
      int index = features.index(i);
      float value = features.value(i);
      zNegative += negative[index] * value;
      zPositive += positive[index] * value;
    }
    return compound(zNegative, zPositive);
  }

  /** Softmax over (negative, neutral = 0, positive) logits, as P(positive) - P(negative). */
  static double compound(double zNegative, double zPositive) {
    double max = Math.max(0, Math.max(zNegative, zPositive));
    double eNeutral = Math.exp(-max);
    double eNegative = Math.exp(zNegative - max);
    double ePositive = Math.exp(zPositive - max);
    return (ePositive - eNegative) / (eNeutral + eNegative + ePositive);
  }

  void write(Writer out, String comment) {
    PrintWriter w = new PrintWriter(out);
    w.println("# " + comment);
    w.println("hash_bits\t" + hashBits);
    w.println("thresholds\t" + number(thresholds.negativeBelow()) + "\t" + number(thresholds.positiveAbove()));
    for (int i = 0; i < FeatureEncoder.DENSE.size(); i++) {
      w.println("dense\t" + FeatureEncoder.DENSE.get(i) + "\t" + number(negative[i]) + "\t" + number(positive[i]));
    }
    for (int i = FeatureEncoder.DENSE.size(); i < negative.length; i++) {
      if (negative[i] != 0 || positive[i] != 0) {
        w.println("hashed\t" + (i - FeatureEncoder.DENSE.size()) + "\t" + number(negative[i]) + "\t"
            + number(positive[i]));
      }
    }
    w.flush();
  }

  /** @throws IllegalStateException if the file is malformed or was written for other dense features */
  static LinearModel read(InputStream in, String name) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Parser parser = new Parser(name);
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (!line.isBlank() && !line.startsWith("#")) {
          parser.line(line.split("\t"), lineNumber);
        }
      }
      return parser.model();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sentiment model " + name, e);
    }
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.5g", value);
  }

  /** Accumulates the lines of a model file; fails with the file name and line number. */
  private static final class Parser {
    private final String name;
    private int hashBits = -1;
    private LabelThresholds thresholds;
    private float[] negative;
    private float[] positive;
    private int denseSeen;

    Parser(String name) {
      this.name = name;
    }

    void line(String[] fields, int lineNumber) {
      try {
        switch (fields[0]) {
          case "hash_bits" -> {
            hashBits = Integer.parseInt(fields[1]);
            negative = new float[FeatureEncoder.dimension(hashBits)];
            positive = new float[FeatureEncoder.dimension(hashBits)];
          }
          case "thresholds" -> thresholds =
              new LabelThresholds(Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
          case "dense" -> {
            if (!FeatureEncoder.DENSE.get(denseSeen).equals(fields[1])) {
              throw new IllegalStateException("expected dense feature " + FeatureEncoder.DENSE.get(denseSeen));
            }
            set(denseSeen++, fields[2], fields[3]);
          }
          case "hashed" -> set(FeatureEncoder.DENSE.size() + Integer.parseInt(fields[1]), fields[2], fields[3]);
          default -> throw new IllegalStateException("unknown line kind " + fields[0]);
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "sentiment model " + name + " line " + lineNumber + ": " + Arrays.toString(fields) + ": " + e.getMessage(),
            e);
      }
    }

    private void set(int index, String negativeWeight, String positiveWeight) {
      negative[index] = Float.parseFloat(negativeWeight);
      positive[index] = Float.parseFloat(positiveWeight);
      // A non-finite weight would make compounds NaN, which Sentiment rejects: fail at load instead.
      if (!Float.isFinite(negative[index]) || !Float.isFinite(positive[index])) {
        throw new IllegalStateException("weights must be finite numbers");
      }
    }

    LinearModel model() {
      if (hashBits < 0 || thresholds == null || denseSeen != FeatureEncoder.DENSE.size()) {
        throw new IllegalStateException("sentiment model " + name + " is incomplete");
      }
      return new LinearModel(hashBits, thresholds, negative, positive);
    }
  }
}
