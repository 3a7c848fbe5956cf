package io.nhslistener.streams.sentiment.eval;

import io.nhslistener.core.model.SentimentLabel;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one evaluation run and their rendering: a human-readable report ending with one JSON line
 * {@code {"n":…,"macro_recall":…,"macro_f1":…,"accuracy":…,"pearson_r":…,"texts_per_s":…}} ({@code pearson_r} is null
 * when no line carried a rating). Immutable.
 */
public final class EvaluationReport {
  private final String source;
  private final ConfusionMatrix confusion;
  private final double pearsonR;
  private final double textsPerSecond;
  private final int badLines;
  private final List<Integer> badLineNumbers;

  EvaluationReport(String source, ConfusionMatrix confusion, double pearsonR, double textsPerSecond, int badLines,
      List<Integer> badLineNumbers) {
    this.source = source;
    this.confusion = confusion;
    this.pearsonR = pearsonR;
    this.textsPerSecond = textsPerSecond;
    this.badLines = badLines;
    this.badLineNumbers = List.copyOf(badLineNumbers);
  }

  public int n() {
    return confusion.total();
  }

  public double macroRecall() {
    return confusion.macroRecall();
  }

  public double macroF1() {
    return confusion.macroF1();
  }

  public double accuracy() {
    return confusion.accuracy();
  }

  /** Pearson r between compound and gold rating, NaN when no line carried a rating. */
  public double pearsonR() {
    return pearsonR;
  }

  public double textsPerSecond() {
    return textsPerSecond;
  }

  public int badLines() {
    return badLines;
  }

  public int count(SentimentLabel gold, SentimentLabel predicted) {
    return confusion.count(gold, predicted);
  }

  /** The report's last line. */
  public String jsonLine() {
    return String.format(Locale.ROOT,
        "{\"n\":%d,\"macro_recall\":%.4f,\"macro_f1\":%.4f,\"accuracy\":%.4f,\"pearson_r\":%s,\"texts_per_s\":%.0f}",
        n(), macroRecall(), macroF1(), accuracy(),
        Double.isNaN(pearsonR) ? "null" : String.format(Locale.ROOT, "%.4f", pearsonR), textsPerSecond);
  }

  public void render(PrintStream out) {
    out.printf(Locale.ROOT, "Sentiment evaluation of %s%n", source);
    out.printf(Locale.ROOT, "texts scored: %d   bad lines skipped: %d%s%n", n(), badLines,
        badLines == 0 ? "" : " (first at lines " + badLineNumbers + ")");
    if (!Double.isNaN(pearsonR)) {
      out.printf(Locale.ROOT, "Pearson r (compound vs gold rating): %.4f   gold classes cut at +-%.2f%n", pearsonR,
          LabelledText.NEUTRAL_BAND);
    }
    out.printf(Locale.ROOT, "macro recall: %.4f   macro F1: %.4f   accuracy: %.4f%n", macroRecall(), macroF1(),
        accuracy());
    out.println();
    out.printf(Locale.ROOT, "%-16s %10s %10s %10s %8s %9s %8s%n", "gold \\ predicted", "negative", "neutral",
        "positive", "recall", "precision", "F1");
    for (SentimentLabel gold : SentimentLabel.values()) {
      out.printf(Locale.ROOT, "%-16s %10d %10d %10d %8s %9.4f %8s%n", gold.name().toLowerCase(Locale.ROOT),
          count(gold, SentimentLabel.NEGATIVE), count(gold, SentimentLabel.NEUTRAL),
          count(gold, SentimentLabel.POSITIVE), figure(confusion.recall(gold)), confusion.precision(gold),
          figure(confusion.f1(gold)));
    }
    out.println();
    out.printf(Locale.ROOT, "throughput: %.0f texts/s on one thread%n", textsPerSecond);
    out.println(jsonLine());
  }

  private static String figure(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}
