package io.nhslistener.streams.sentiment.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nhslistener.streams.sentiment.eval.DevelopmentSets.DevelopmentSet;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acceptance targets of issue 5 on the shared development sets, when they are present. Reports are written to
 * {@code target/sentiment-eval/}. The sets are converted to the evaluation's TSV format in
 * {@code $TMPDIR/nhs-listener-sentiment-dev/}, outside the repository, where {@code listener eval sentiment} can read
 * them too.
 */
class DevelopmentSetTargetsTest {
  private static final Path REPORTS = Path.of("target/sentiment-eval");
  private static final Path TSV = Path.of(System.getProperty("java.io.tmpdir"), "nhs-listener-sentiment-dev");
  private static final SentimentEvaluation EVALUATION = SentimentEvaluation.standard();

  private static final Optional<Path> FOUND = DevelopmentSets.locate();

  private Path root;

  @BeforeEach
  void requireTheSets() {
    assumeTrue(FOUND.isPresent(), "sentiment development sets not found at ../shared/eval/sentiment (or -D"
        + DevelopmentSets.DIRECTORY_PROPERTY + "): skipping the target checks");
    root = FOUND.get();
  }

  @Test
  void tweetEvalMacroRecall() throws IOException {
    EvaluationReport report = evaluate(DevelopmentSets.tweetEval(root));
    assertTrue(report.macroRecall() >= 0.66, report.jsonLine());
  }

  @Test
  void nhsFeedbackMacroRecall() throws IOException {
    EvaluationReport report = evaluate(DevelopmentSets.nhsFeedback(root));
    assertTrue(report.macroRecall() >= 0.55, report.jsonLine());
  }

  @Test
  void vaderTweetsPearson() throws IOException {
    EvaluationReport report = evaluate(DevelopmentSets.vaderTweets(root));
    assertTrue(report.pearsonR() >= 0.85, report.jsonLine());
  }

  private EvaluationReport evaluate(DevelopmentSet set) throws IOException {
    EvaluationReport report = EVALUATION.evaluate(DevelopmentSets.writeTsv(set, TSV));
    Files.createDirectories(REPORTS);
    try (OutputStream file = Files.newOutputStream(REPORTS.resolve(set.name() + ".txt"));
        PrintStream out = new PrintStream(file, true, StandardCharsets.UTF_8)) {
      report.render(out);
    }
    return report;
  }
}
