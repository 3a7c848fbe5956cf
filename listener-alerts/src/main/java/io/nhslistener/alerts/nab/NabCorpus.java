package io.nhslistener.alerts.nab;

import java.util.List;

/**
 * A labelled corpus in NAB's layout: its series, sorted by name, and the cost profiles to score them with.
 *
 * @param series every series of the corpus
 * @param profiles the cost profiles, in report order
 */
public record NabCorpus(List<LabelledSeries> series, List<CostProfile> profiles) {

  public NabCorpus {
    series = List.copyOf(series);
    profiles = List.copyOf(profiles);
  }

  /** Number of labelled windows over all series. */
  public int windowCount() {
    return series.stream().mapToInt(s -> s.windows().size()).sum();
  }
}
