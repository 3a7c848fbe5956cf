package io.nhslistener.alerts.topology;

import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.SchemaVersion;
import io.nhslistener.core.model.TermCount;
import io.nhslistener.core.model.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds deterministic series of one organisation's one-minute {@link WindowStats} from hand-chosen counts: seeded
 * Poisson or uniform counts for the background, exact counts for the events under test. Every non-empty window reports
 * the term "usual" and one sample whose engagement is its count; {@link #add(long, double, String)} can name a term of
 * its own so that tests can see which windows an alert cites.
 */
final class StatsSeries {
  /** A Monday, midnight in London (GMT in January). */
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  static final Duration MINUTE = Duration.ofMinutes(1);

  private final String orgId;
  private final SplittableRandom random;
  private final List<WindowStats> windows = new ArrayList<>();

  StatsSeries(String orgId, long seed) {
    this.orgId = orgId;
    this.random = new SplittableRandom(seed);
  }

  /** Appends {@code n} windows with Poisson counts of the given mean and the given negative share. */
  StatsSeries poisson(int n, double mean, double negativeShare) {
    for (int i = 0; i < n; i++) {
      add(poissonSample(mean), negativeShare, "usual");
    }
    return this;
  }

  /** Appends {@code n} windows with counts uniform in 0..max. */
  StatsSeries uniform(int n, int max, double negativeShare) {
    for (int i = 0; i < n; i++) {
      add(random.nextInt(max + 1), negativeShare, "usual");
    }
    return this;
  }

  /** Appends one window of exactly {@code count} mentions, about {@code negativeShare} of them negative. */
  StatsSeries add(long count, double negativeShare, String term) {
    windows.add(window(orgId, windows.size(), count, negativeShare, term));
    return this;
  }

  List<WindowStats> windows() {
    return List.copyOf(windows);
  }

  /** Start of the {@code index}-th window of a series. */
  static Instant start(int index) {
    return START.plus(MINUTE.multipliedBy(index));
  }

  /** Index of the window starting at {@code start}. */
  static int indexOf(Instant start) {
    return (int) Duration.between(START, start).toMinutes();
  }

  /**
   * The {@code index}-th one-minute window: negatives score -0.6 and the rest +0.3, so the mean falls as the negative
   * share rises; one sample "{orgId}:{index}" with engagement {@code count} and a compound of -0.6 when negative.
   */
  static WindowStats window(String orgId, int index, long count, double negativeShare, String term) {
    long negative = Math.round(count * negativeShare);
    double mean = count == 0 ? 0.0 : (-0.6 * negative + 0.3 * (count - negative)) / count;
    Instant start = start(index);
    List<TermCount> terms = count == 0 ? List.of() : List.of(new TermCount(term, count));
    List<SampleMention> samples = count == 0 ? List.of()
        : List.of(new SampleMention(orgId + ":" + index, "https://example.org/" + index, "post " + index,
            negative > 0 ? -0.6 : 0.3, count));
    return new WindowStats(SchemaVersion.CURRENT, orgId, start, start.plus(MINUTE), count, count, 0,
        count - negative, negative, mean, terms, samples, Map.of("mastodon", count));
  }

  /** A roll-up of {@code length} starting at the {@code index}-th minute, with the given count. */
  static WindowStats rollup(String orgId, int index, Duration length, long count) {
    Instant start = start(index);
    return new WindowStats(SchemaVersion.CURRENT, orgId, start, start.plus(length), count, count, 0, count, 0, 0.3,
        List.of(new TermCount("rollup", count)), List.of(), Map.of());
  }

  private long poissonSample(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }
}
