package io.nhslistener.streams.windows;

import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.SentimentLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The illustrative mentions of a window: the {@link #LIMIT} most engaged and the {@link #LIMIT} most negative (among
 * those labelled negative) are kept as candidates; {@link #picks()} interleaves them, most engaged first, up to
 * {@link #LIMIT} distinct mentions. Ties break by mention id so that a replay picks the same samples. Not thread-safe.
 */
final class SamplePicker {
  static final int LIMIT = 5;

  static final Comparator<SampleMention> MOST_ENGAGED =
      Comparator.comparingLong(SampleMention::engagement).reversed().thenComparing(SampleMention::id);
  static final Comparator<SampleMention> MOST_NEGATIVE =
      Comparator.comparingDouble(SampleMention::compound).thenComparing(SampleMention::id);

  private final List<SampleMention> engaged;
  private final List<SampleMention> negative;

  SamplePicker() {
    this(new ArrayList<>(LIMIT + 1), new ArrayList<>(LIMIT + 1));
  }

  SamplePicker(List<SampleMention> engaged, List<SampleMention> negative) {
    this.engaged = engaged;
    this.negative = negative;
  }

  void add(MatchedMention matched) {
    SampleMention sample = SampleMention.of(matched);
    offer(engaged, MOST_ENGAGED, sample);
    if (matched.sentiment().label() == SentimentLabel.NEGATIVE) {
      offer(negative, MOST_NEGATIVE, sample);
    }
  }

  void merge(SamplePicker other) {
    other.engaged.forEach(s -> offer(engaged, MOST_ENGAGED, s));
    other.negative.forEach(s -> offer(negative, MOST_NEGATIVE, s));
  }

  /** Up to {@link #LIMIT} distinct mentions, alternating most engaged and most negative. */
  List<SampleMention> picks() {
    List<SampleMention> picks = new ArrayList<>(LIMIT);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < LIMIT && picks.size() < LIMIT; i++) {
      if (i < engaged.size() && ids.add(engaged.get(i).id())) {
        picks.add(engaged.get(i));
      }
      if (picks.size() < LIMIT && i < negative.size() && ids.add(negative.get(i).id())) {
        picks.add(negative.get(i));
      }
    }
    return picks;
  }

  List<SampleMention> engaged() {
    return engaged;
  }

  List<SampleMention> negative() {
    return negative;
  }

  private static void offer(List<SampleMention> list, Comparator<SampleMention> order, SampleMention sample) {
    for (SampleMention present : list) {
      if (present.id().equals(sample.id())) {
        return;
      }
    }
    int at = 0;
    while (at < list.size() && order.compare(list.get(at), sample) <= 0) {
      at++;
    }
    if (at < LIMIT) {
      list.add(at, sample);
      if (list.size() > LIMIT) {
        list.remove(LIMIT);
      }
    }
  }
}
