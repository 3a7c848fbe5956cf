package io.nhslistener.streams.windows;

import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.SchemaVersion;
import io.nhslistener.core.model.WindowStats;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running statistics of one window of one organisation, in bounded memory whatever the traffic: counts, the
 * compound sum, an {@link AuthorSketch}, a {@link TermCounter}, a {@link SamplePicker} and counts by source (at most
 * {@link #MAX_SOURCES} entries; sources beyond count as {@link #OTHER_SOURCE}). Aggregates of adjacent windows
 * {@link #merge merge} into a roll-up. Not thread-safe.
 */
final class WindowAggregate {
  static final int TOP_TERMS = 10;
  static final int MAX_SOURCES = 32;
  static final String OTHER_SOURCE = "other";

  private final long start;
  private final long end;
  long count;
  long positive;
  long neutral;
  long negative;
  double compoundSum;
  final AuthorSketch authors;
  final TermCounter terms;
  final Map<String, Long> sources;
  final SamplePicker samples;

  WindowAggregate(long start, long end) {
    this(start, end, new AuthorSketch(), new TermCounter(), new TreeMap<>(), new SamplePicker());
  }

  WindowAggregate(long start, long end, AuthorSketch authors, TermCounter terms, Map<String, Long> sources,
      SamplePicker samples) {
    this.start = start;
    this.end = end;
    this.authors = authors;
    this.terms = terms;
    this.sources = sources;
    this.samples = samples;
  }

  long start() {
    return start;
  }

  long end() {
    return end;
  }

  long count() {
    return count;
  }

  void add(MatchedMention matched) {
    count++;
    switch (matched.sentiment().label()) {
      case POSITIVE -> positive++;
      case NEUTRAL -> neutral++;
      case NEGATIVE -> negative++;
    }
    compoundSum += matched.sentiment().compound();
    authors.add(matched.mention().authorKey());
    terms.addMention(matched.terms());
    addSource(matched.mention().source(), 1);
    samples.add(matched);
  }

  /** Adds everything counted in {@code other}, a window inside this one. */
  void merge(WindowAggregate other) {
    count += other.count;
    positive += other.positive;
    neutral += other.neutral;
    negative += other.negative;
    compoundSum += other.compoundSum;
    authors.merge(other.authors);
    terms.merge(other.terms);
    other.sources.forEach(this::addSource);
    samples.merge(other.samples);
  }

  /** Mean compound score, 0 for an empty window; clamped because a long float sum can stray past ±1. */
  double meanSentiment() {
    return count == 0 ? 0.0 : Math.max(-1.0, Math.min(1.0, compoundSum / count));
  }

  double negativeShare() {
    return count == 0 ? 0.0 : (double) negative / count;
  }

  WindowStats toStats(String orgId) {
    return new WindowStats(SchemaVersion.CURRENT, orgId, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
        count, authors.count(), positive, neutral, negative, meanSentiment(), terms.top(TOP_TERMS),
        samples.picks(), Map.copyOf(sources));
  }

  private void addSource(String source, long n) {
    String key = sources.containsKey(source) || sources.size() < MAX_SOURCES - 1 ? source : OTHER_SOURCE;
    sources.merge(key, n, Long::sum);
  }
}
