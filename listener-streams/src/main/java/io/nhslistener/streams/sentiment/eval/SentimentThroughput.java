package io.nhslistener.streams.sentiment.eval;

import io.nhslistener.core.model.Sentiment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A quick single-thread throughput check: scores the texts round-robin for a warm-up period, then in
 * {@value #ROUNDS} measuring rounds, and reports the best round's texts per second of the thread's CPU time
 * (wall-clock time where the JVM cannot tell CPU time). CPU time and the best round keep other load on the machine,
 * and a JIT still compiling, from distorting a per-core figure. A sanity figure for the evaluation report, not a
 * benchmark (that is JMH's job).
 */
public final class SentimentThroughput {
  private static final int ROUNDS = 5;

  private final Duration warmUp;
  private final Duration measure;

  /** @param measure the total measuring time, split into equal rounds */
  public SentimentThroughput(Duration warmUp, Duration measure) {
    if (measure.isZero() || measure.isNegative() || warmUp.isNegative()) {
      throw new IllegalArgumentException("measuring time must be positive and warm-up not negative");
    }
    this.warmUp = warmUp;
    this.measure = measure;
  }

  /** Texts per CPU-second on the calling thread in the best round, or 0 when there are no texts. */
  public double textsPerSecond(Function<String, Sentiment> scorer, List<String> texts) {
    if (texts.isEmpty()) {
      return 0;
    }
    run(scorer, texts, warmUp.toNanos());
    double best = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = cpuNanos();
      long scored = run(scorer, texts, measure.toNanos() / ROUNDS);
      best = Math.max(best, scored / (Math.max(1, cpuNanos() - start) / 1e9));
    }
    return best;
  }

  private static long cpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
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
