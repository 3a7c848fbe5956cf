package io.nhslistener.streams.sentiment.eval;

import io.nhslistener.core.model.SentimentLabel;

/**
 * Counts of (gold, predicted) label pairs and the three-class figures derived from them. Classes that never occur in
 * the gold labels are left out of the macro averages (their recall is undefined); a class never predicted has
 * precision 0. Mutable while counting; not thread-safe.
 */
public final class ConfusionMatrix {
  private static final int CLASSES = SentimentLabel.values().length;

  private final int[][] counts = new int[CLASSES][CLASSES];
  private int total;

  public void add(SentimentLabel gold, SentimentLabel predicted) {
    counts[gold.ordinal()][predicted.ordinal()]++;
    total++;
  }

  public int count(SentimentLabel gold, SentimentLabel predicted) {
    return counts[gold.ordinal()][predicted.ordinal()];
  }

  public int total() {
    return total;
  }

  public double accuracy() {
    if (total == 0) {
      return 0;
    }
    int correct = 0;
    for (int c = 0; c < CLASSES; c++) {
      correct += counts[c][c];
    }
    return (double) correct / total;
  }

  /** Recall of the class, or NaN when the class has no gold examples. */
  public double recall(SentimentLabel label) {
    int gold = goldCount(label.ordinal());
    return gold == 0 ? Double.NaN : (double) counts[label.ordinal()][label.ordinal()] / gold;
  }

  /** Precision of the class, 0 when it was never predicted. */
  public double precision(SentimentLabel label) {
    int predicted = 0;
    for (int g = 0; g < CLASSES; g++) {
      predicted += counts[g][label.ordinal()];
    }
    return predicted == 0 ? 0 : (double) counts[label.ordinal()][label.ordinal()] / predicted;
  }

  /** F1 of the class, or NaN when the class has no gold examples. */
  public double f1(SentimentLabel label) {
    double recall = recall(label);
    if (Double.isNaN(recall)) {
      return Double.NaN;
    }
    double precision = precision(label);
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /** Mean recall over the classes present in the gold labels (SemEval-2017 Task 4A's headline metric). */
  public double macroRecall() {
    return macro(true);
  }

  /** Mean F1 over the classes present in the gold labels. */
  public double macroF1() {
    return macro(false);
  }

  private double macro(boolean recall) {
    double sum = 0;
    int present = 0;
    for (SentimentLabel label : SentimentLabel.values()) {
      double value = recall ? recall(label) : f1(label);
      if (!Double.isNaN(value)) {
        sum += value;
        present++;
      }
    }
    return present == 0 ? 0 : sum / present;
  }

  private int goldCount(int gold) {
    int n = 0;
    for (int p = 0; p < CLASSES; p++) {
      n += counts[gold][p];
    }
    return n;
  }
}
