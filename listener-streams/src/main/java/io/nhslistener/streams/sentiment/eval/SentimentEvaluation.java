package io.nhslistener.streams.sentiment.eval;

import io.nhslistener.core.model.Sentiment;
import io.nhslistener.streams.sentiment.SentimentScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates a sentiment scorer on a gold-standard TSV file (see {@link EvaluationInput} for the format): accuracy,
 * macro-averaged recall and F1 over the three labels, the confusion matrix, Pearson r against gold ratings where lines
 * carry them, and single-thread throughput. Predicted labels are the scorer's own. Thread-safe if the scorer is.
 */
public final class SentimentEvaluation {
  private static final Duration WARM_UP = Duration.ofSeconds(3);
  private static final Duration MEASURE = Duration.ofSeconds(3);

  private final Function<String, Sentiment> scorer;
  private final SentimentThroughput throughput;

  public SentimentEvaluation(Function<String, Sentiment> scorer, SentimentThroughput throughput) {
    this.scorer = scorer;
    this.throughput = throughput;
  }

  /** The standard scorer, with 3 s of warm-up (the JIT needs it) and five 0.6 s throughput rounds. */
  public static SentimentEvaluation standard() {
    return new SentimentEvaluation(SentimentScorer.standard()::score, new SentimentThroughput(WARM_UP, MEASURE));
  }

  /**
   * Reads and evaluates one file. Lines that do not parse are counted in the report, never thrown.
   *
   * @throws IOException if the file cannot be read
   */
  public EvaluationReport evaluate(Path tsv) throws IOException {
    return evaluate(tsv.toString(), EvaluationInput.read(tsv));
  }

  public EvaluationReport evaluate(String source, EvaluationInput input) {
    ConfusionMatrix confusion = new ConfusionMatrix();
    Pearson pearson = new Pearson();
    List<String> texts = new ArrayList<>(input.texts().size());
    for (LabelledText t : input.texts()) {
      Sentiment s = scorer.apply(t.text());
      confusion.add(t.gold(), s.label());
      if (t.hasRating()) {
        pearson.add(s.compound(), t.rating());
      }
      texts.add(t.text());
    }
    double textsPerSecond = throughput.textsPerSecond(scorer, texts);
    return new EvaluationReport(source, confusion, pearson.r(), textsPerSecond, input.badLines(),
        input.badLineNumbers());
  }
}
