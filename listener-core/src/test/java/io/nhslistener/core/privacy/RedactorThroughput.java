package io.nhslistener.core.privacy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * Measures {@link Redactor#redact} on post-sized texts (about 200 characters, one in ten carrying an identifier). Not a
 * test: run with {@code java -cp <test classpath> io.nhslistener.core.privacy.RedactorThroughput}; the figure is
 * recorded in docs/performance.md.
 */
public final class RedactorThroughput {
  private static final String[] WORDS = {"waiting", "times", "at", "the", "A&E", "were", "over", "4", "hours",
      "tonight", "#NHS", "@trust", "staff", "brilliant", "ward", "12", "https://example.org/news/2024", "closure",
      "consultation", "GP", "appointment", "2024-05-01", "£20", "thanks"};
  private static final String[] IDENTIFIERS = {"943 476 5919", "07700 900123", "jo@example.org", "LS1 4AP"};

  private RedactorThroughput() {}

  public static void main(String[] args) {
    Random random = new Random(42);
    String[] texts = new String[10_000];
    for (int t = 0; t < texts.length; t++) {
      StringBuilder text = new StringBuilder();
      while (text.length() < 200) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      if (t % 10 == 0) {
        text.append(IDENTIFIERS[random.nextInt(IDENTIFIERS.length)]);
      }
      texts[t] = text.toString();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int round = 0; round < 5; round++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      int count = 0;
      while (System.nanoTime() - start < 2_000_000_000L) {
        for (String text : texts) {
          sink += Redactor.redact(text).length();
        }
        count += texts.length;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
      // CPU time per text is the figure to compare: on a shared machine the wall clock also counts other processes.
      System.out.printf("round %d: %.0f texts/s wall, %.0f ns CPU per text%n", round, count / seconds,
          cpuNanos / count);
    }
    System.out.println("checksum " + sink);
  }
}
