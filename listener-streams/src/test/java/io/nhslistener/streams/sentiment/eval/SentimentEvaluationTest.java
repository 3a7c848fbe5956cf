package io.nhslistener.streams.sentiment.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures on tiny files whose expected values are worked out by hand in the comments. */
class SentimentEvaluationTest {
  /** A stand-in scorer: each text says what it is predicted as. */
  private static final Map<String, Sentiment> PREDICTIONS = Map.of(
      "p1", new Sentiment(0.8, SentimentLabel.POSITIVE),
      "p2", new Sentiment(0.0, SentimentLabel.NEUTRAL),
      "n1", new Sentiment(0.1, SentimentLabel.NEUTRAL),
      "x1", new Sentiment(-0.7, SentimentLabel.NEGATIVE),
      "x2", new Sentiment(0.6, SentimentLabel.POSITIVE),
      "r1", new Sentiment(0.5, SentimentLabel.POSITIVE),
      "r2", new Sentiment(-0.5, SentimentLabel.NEGATIVE),
      "r3", new Sentiment(0.1, SentimentLabel.NEUTRAL),
      "r4", new Sentiment(0.3, SentimentLabel.POSITIVE));

  private final SentimentEvaluation evaluation = new SentimentEvaluation(
      PREDICTIONS::get, new SentimentThroughput(Duration.ZERO, Duration.ofMillis(5)));

  @TempDir
  Path dir;

  @Test
  void labelledFileGivesHandComputedFigures() throws IOException {
    Path tsv = write("labels.tsv",
        "positive\tp1",
        "positive\tp2",
        "neutral\tn1",
        "",
        "negative\tx1",
        "no tab here",
        "maybe\tx1",
        "negative\tx2");
    EvaluationReport report = evaluation.evaluate(tsv);

    // Gold positive -> {positive, neutral}; neutral -> {neutral}; negative -> {negative, positive}.
    assertEquals(5, report.n());
    assertEquals(2, report.badLines());
    assertEquals(1, report.count(SentimentLabel.NEGATIVE, SentimentLabel.POSITIVE));
    // Recall: positive 1/2, neutral 1/1, negative 1/2 -> mean 2/3.
    assertEquals(2.0 / 3, report.macroRecall(), 1e-9);
    // Precision: positive 1/2 (p1, x2), neutral 1/2 (p2, n1), negative 1/1.
    // F1: positive 0.5, neutral 2(0.5)(1)/1.5 = 2/3, negative 2(1)(0.5)/1.5 = 2/3 -> mean 11/18.
    assertEquals(11.0 / 18, report.macroF1(), 1e-9);
    assertEquals(3.0 / 5, report.accuracy(), 1e-9);
    assertTrue(Double.isNaN(report.pearsonR()));
    assertTrue(report.jsonLine().matches(
        "\\{\"n\":5,\"macro_recall\":0\\.6667,\"macro_f1\":0\\.6111,\"accuracy\":0\\.6000,\"pearson_r\":null,"
            + "\"texts_per_s\":\\d+}"), report.jsonLine());
  }

  @Test
  void ratedFileGivesPearsonAndCutsGoldAtFiveHundredths() throws IOException {
    Path tsv = write("ratings.tsv", "2.0\tr1", "-1\tr2", "0.04\tr3", "1.0\tr4");
    EvaluationReport report = evaluation.evaluate(tsv);

    // x = (0.5, -0.5, 0.1, 0.3), y = (2, -1, 0.04, 1): means 0.1 and 0.51.
    // dx = (0.4, -0.6, 0, 0.2), dy = (1.49, -1.51, -0.47, 0.49).
    // Sxy = 0.596 + 0.906 + 0 + 0.098 = 1.6; Sxx = 0.56; Syy = 2.2201 + 2.2801 + 0.2209 + 0.2401 = 4.9612.
    double expected = 1.6 / Math.sqrt(0.56 * 4.9612);
    assertEquals(expected, report.pearsonR(), 1e-9);
    // 0.04 is inside the +-0.05 band: gold neutral, predicted neutral. All four are right.
    assertEquals(1, report.count(SentimentLabel.NEUTRAL, SentimentLabel.NEUTRAL));
    assertEquals(1.0, report.accuracy(), 1e-9);
    assertTrue(report.jsonLine().contains(String.format("\"pearson_r\":%.4f", expected)), report.jsonLine());
  }

  @Test
  void rendersTheConfusionMatrixAndEndsWithTheJsonLine() throws IOException {
    EvaluationReport report = evaluation.evaluate(write("small.tsv", "positive\tp1", "negative\tx2"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report.render(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertTrue(lines[lines.length - 1].equals(report.jsonLine()));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).matches("(?s).*negative\\s+0\\s+0\\s+1\\s.*"));
  }

  @Test
  void emptyFileReportsZeroes() throws IOException {
    EvaluationReport report = evaluation.evaluate(write("empty.tsv", "not a line"));
    assertEquals(0, report.n());
    assertEquals(1, report.badLines());
    assertEquals(0, report.textsPerSecond());
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
