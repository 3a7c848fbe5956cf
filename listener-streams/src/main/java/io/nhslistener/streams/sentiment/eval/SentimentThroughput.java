package io.nhslistener.streams.sentiment.eval;

import io.nhslistener.core.model.Sentiment;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A quick single-thread throughput check: scores the texts round-robin for a warm-up period, then counts texts scored
 * in the measuring period. A sanity figure for the evaluation report, not a benchmark (that is JMH's job).
 */
public final class SentimentThroughput {
  private final Duration warmUp;
  private final Duration measure;

  public SentimentThroughput(Duration warmUp, Duration measure) {
    if (measure.isZero() || measure.isNegative() || warmUp.isNegative()) {
      throw new IllegalArgumentException("measuring time must be positive and warm-up not negative");
    }
    this.warmUp = warmUp;
    this.measure = measure;
  }

  /** Texts per second on the calling thread, or 0 when there are no texts. */
  public double textsPerSecond(Function<String, Sentiment> scorer, List<String> texts) {
    if (texts.isEmpty()) {
      return 0;
    }
    run(scorer, texts, warmUp.toNanos());
    long start = System.nanoTime();
    long scored = run(scorer, texts, measure.toNanos());
    return scored / ((System.nanoTime() - start) / 1e9);
  }

  /** Scores in batches of the whole list until the time is up; the checksum keeps the JIT from skipping the work. */
  private static long run(Function<String, Sentiment> scorer, List<String> texts, long nanos) {
    long deadline = System.nanoTime() + nanos;
    long scored = 0;
    double checksum = 0;
    do {
      for (String text : texts) {
        checksum += scorer.apply(text).compound();
      }
      scored += texts.size();
    } while (System.nanoTime() < deadline);
    if (Double.isNaN(checksum)) {
      throw new IllegalStateException("scorer returned NaN");
    }
    return scored;
  }
}
