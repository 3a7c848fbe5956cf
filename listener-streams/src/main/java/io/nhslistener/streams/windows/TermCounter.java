package io.nhslistener.streams.windows;

import io.nhslistener.core.model.TermCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matched-term counts of a window in bounded memory (Space-Saving): at most {@link #CAPACITY} terms are tracked; a new
 * term arriving when the table is full replaces the least counted one and inherits its count plus one. Counts are
 * exact while a window has at most {@link #CAPACITY} distinct terms (watch rules rarely have more), and any term
 * occurring in more than 1/{@value #CAPACITY} of the mentions is always reported. Not thread-safe.
 */
final class TermCounter {
  static final int CAPACITY = 64;

  /** Most counted first; ties by term, so replays pick the same terms. */
  private static final Comparator<Map.Entry<String, Long>> BY_COUNT =
      Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

  private final Map<String, Long> counts = new HashMap<>();

  /** Counts each distinct term of one mention once. */
  void addMention(List<String> terms) {
    for (int i = 0; i < terms.size(); i++) {
      String term = terms.get(i);
      if (terms.indexOf(term) == i) {
        add(term, 1);
      }
    }
  }

  void add(String term, long count) {
    Long current = counts.get(term);
    if (current != null) {
      counts.put(term, current + count);
    } else if (counts.size() < CAPACITY) {
      counts.put(term, count);
    } else {
      Map.Entry<String, Long> least = least();
      counts.remove(least.getKey());
      counts.put(term, least.getValue() + count);
    }
  }

  void merge(TermCounter other) {
    other.counts.forEach(this::add);
  }

  /** The {@code limit} most counted terms, most counted first. */
  List<TermCount> top(int limit) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(BY_COUNT);
    List<TermCount> top = new ArrayList<>(Math.min(limit, entries.size()));
    for (int i = 0; i < entries.size() && i < limit; i++) {
      top.add(new TermCount(entries.get(i).getKey(), entries.get(i).getValue()));
    }
    return top;
  }

  /** Every tracked term and count, for serialisation. */
  Map<String, Long> counts() {
    return counts;
  }

  private Map.Entry<String, Long> least() {
    Map.Entry<String, Long> least = null;
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (least == null || BY_COUNT.compare(entry, least) > 0) {
        least = entry;
      }
    }
    return least;
  }
}
