package io.nhslistener.alerts.topology;

import io.nhslistener.alerts.detect.Decision;
import io.nhslistener.alerts.detect.Evaluation;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.SchemaVersion;
import io.nhslistener.core.model.TermCount;
import io.nhslistener.core.model.WindowStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a detector {@link Decision} into an {@link Alert}: deterministic id, the evaluation's figures, a one-sentence
 * {@link Explanation}, and what the episode's windows said: their top terms merged, and sample mentions — the most
 * engaged for a volume spike, the most negative for a sentiment drop. Ties break by term or mention id, so a replay
 * cites the same. Stateless.
 */
final class AlertComposer {
  /** Most terms an alert lists. */
  static final int MAX_TERMS = 5;
  /** Most sample mentions an alert carries. */
  static final int MAX_SAMPLES = 5;

  private static final Comparator<SampleMention> MOST_ENGAGED =
      Comparator.comparingLong(SampleMention::engagement).reversed().thenComparing(SampleMention::id);
  private static final Comparator<SampleMention> MOST_NEGATIVE =
      Comparator.comparingDouble(SampleMention::compound).thenComparing(SampleMention::id);
  private static final Comparator<TermCount> MOST_FREQUENT =
      Comparator.comparingLong(TermCount::count).reversed().thenComparing(TermCount::term);

  private final Duration window;

  AlertComposer(Duration window) {
    this.window = window;
  }

  /**
   * @param decision the detector's decision about {@code decided}
   * @param decided the window decided on
   * @param involved the episode's windows to cite, {@code decided} included unless it was empty
   */
  Alert compose(Decision decision, WindowStats decided, List<RecentWindow> involved) {
    Evaluation evaluation = decision.evaluation();
    String orgId = decided.orgId();
    return new Alert(SchemaVersion.CURRENT, Alert.idFor(orgId, decision.kind(), decision.windowStart(),
        decision.status()), orgId, decision.kind(), decision.severity(), decision.status(), decision.windowStart(),
        decision.windowEnd(), decision.since(),
        evaluation == null ? 0.0 : evaluation.observed(),
        evaluation == null ? 0.0 : evaluation.expected(),
        evaluation == null ? 0.0 : evaluation.surprise(),
        Explanation.of(decision, decided.count(), window),
        topTerms(involved),
        samples(involved, decision.kind() == AlertKind.SENTIMENT_DROP ? MOST_NEGATIVE : MOST_ENGAGED));
  }

  private static List<TermCount> topTerms(List<RecentWindow> windows) {
    Map<String, Long> counts = new HashMap<>();
    for (RecentWindow w : windows) {
      for (TermCount term : w.topTerms()) {
        counts.merge(term.term(), term.count(), Long::sum);
      }
    }
    return counts.entrySet().stream()
        .map(e -> new TermCount(e.getKey(), e.getValue()))
        .sorted(MOST_FREQUENT)
        .limit(MAX_TERMS)
        .toList();
  }

  private static List<SampleMention> samples(List<RecentWindow> windows, Comparator<SampleMention> order) {
    Map<String, SampleMention> byId = new LinkedHashMap<>();
    for (RecentWindow w : windows) {
      for (SampleMention sample : w.samples()) {
        byId.putIfAbsent(sample.id(), sample);
      }
    }
    List<SampleMention> all = new ArrayList<>(byId.values());
    all.sort(order);
    return List.copyOf(all.subList(0, Math.min(MAX_SAMPLES, all.size())));
  }
}
