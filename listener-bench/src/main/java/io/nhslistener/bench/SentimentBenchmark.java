package io.nhslistener.bench;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.streams.sentiment.SentimentScorer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sentiment scoring as the matching stage calls it ({@code SentimentScorer.standard().score}), one post per
 * operation, on the benchmark's posts (10 to 45 words, hashtags and links in some): tokenising, lexicon lookups,
 * VADER rules, feature hashing and the linear model.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SentimentBenchmark {
  private static final int TEXTS = 1_000;

  private final SentimentScorer scorer = SentimentScorer.standard();
  private String[] texts;
  private int next;

  @Setup
  public void setUp() {
    texts = BenchData.mentions(TEXTS).stream().map(Mention::text).toArray(String[]::new);
  }

  @Benchmark
  public Sentiment score() {
    next = next + 1 == TEXTS ? 0 : next + 1;
    return scorer.score(texts[next]);
  }
}
