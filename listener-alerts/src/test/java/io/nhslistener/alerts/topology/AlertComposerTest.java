package io.nhslistener.alerts.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nhslistener.alerts.detect.Decision;
import io.nhslistener.alerts.detect.Evaluation;
import io.nhslistener.alerts.detect.Measure;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.TermCount;
import io.nhslistener.core.model.WindowStats;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertComposerTest {
  private static final String ORG = "trust-a";
  private final AlertComposer composer = new AlertComposer(StatsSeries.MINUTE);

  private static SampleMention sample(String id, double compound, long engagement) {
    return new SampleMention(id, "https://example.org/" + id, "text " + id, compound, engagement);
  }

  /** Three windows of an episode: terms to merge and seven distinct samples (one repeated) to choose from. */
  private static List<RecentWindow> episode() {
    return List.of(
        new RecentWindow(StatsSeries.start(10),
            List.of(new TermCount("ambulance", 5), new TermCount("closure", 4), new TermCount("a&e", 1)),
            List.of(sample("m1", 0.3, 50), sample("m2", -0.9, 1), sample("m3", -0.2, 7))),
        new RecentWindow(StatsSeries.start(11),
            List.of(new TermCount("closure", 9), new TermCount("strike", 2), new TermCount("beds", 2)),
            List.of(sample("m4", -0.5, 30), sample("m1", 0.3, 50), sample("m5", 0.1, 2))),
        new RecentWindow(StatsSeries.start(12),
            List.of(new TermCount("ward", 2), new TermCount("ambulance", 1)),
            List.of(sample("m6", -0.7, 0), sample("m7", 0.0, 9))));
  }

  private static Decision decision(AlertKind kind, AlertStatus status, Evaluation evaluation) {
    Instant start = StatsSeries.start(12);
    return new Decision(kind, status, Severity.MEDIUM, start, start.plus(StatsSeries.MINUTE), StatsSeries.start(10),
        evaluation);
  }

  @Test
  void volumeAlertCarriesTheDecisionTheMergedTermsAndTheMostEngagedSamples() {
    WindowStats decided = StatsSeries.window(ORG, 12, 90, 0.2, "ward");
    Evaluation evaluation = new Evaluation(Measure.MENTIONS, 90, 30.5, 8.25, true, true);

    Alert alert = composer.compose(decision(AlertKind.VOLUME_SPIKE, AlertStatus.ESCALATED, evaluation), decided,
        episode());

    assertEquals(Alert.idFor(ORG, AlertKind.VOLUME_SPIKE, StatsSeries.start(12), AlertStatus.ESCALATED), alert.id());
    assertEquals(ORG, alert.orgId());
    assertEquals(AlertKind.VOLUME_SPIKE, alert.kind());
    assertEquals(Severity.MEDIUM, alert.severity());
    assertEquals(AlertStatus.ESCALATED, alert.status());
    assertEquals(StatsSeries.start(12), alert.windowStart());
    assertEquals(StatsSeries.start(13), alert.windowEnd());
    assertEquals(StatsSeries.start(10), alert.since());
    assertEquals(90.0, alert.observed());
    assertEquals(30.5, alert.expected());
    assertEquals(8.25, alert.score());
    assertEquals("90 mentions in 1 minute against about 31 expected; this is 1 in 180 million under the usual pattern",
        alert.explanation());
    assertEquals(List.of(new TermCount("closure", 13), new TermCount("ambulance", 6), new TermCount("beds", 2),
        new TermCount("strike", 2), new TermCount("ward", 2)), alert.topTerms());
    assertEquals(List.of("m1", "m4", "m7", "m3", "m5"), alert.samples().stream().map(SampleMention::id).toList());
  }

  @Test
  void sentimentAlertCitesTheMostNegativeSamples() {
    WindowStats decided = StatsSeries.window(ORG, 12, 40, 0.6, "ward");
    Evaluation evaluation = new Evaluation(Measure.NEGATIVE_SHARE, 0.6, 0.2, 6, true, true);

    Alert alert = composer.compose(decision(AlertKind.SENTIMENT_DROP, AlertStatus.FIRING, evaluation), decided,
        episode());

    assertEquals(List.of("m2", "m6", "m4", "m3", "m7"), alert.samples().stream().map(SampleMention::id).toList());
  }

  @Test
  void resolvedOnAnEmptyWindowHasZeroFiguresAndStillCitesTheEpisode() {
    WindowStats decided = StatsSeries.window(ORG, 12, 0, 0, "none");

    Alert alert = composer.compose(decision(AlertKind.SENTIMENT_DROP, AlertStatus.RESOLVED, null), decided,
        episode());

    assertEquals(0.0, alert.observed());
    assertEquals(0.0, alert.expected());
    assertEquals(0.0, alert.score());
    assertEquals("No mentions in 1 minute; the drop in sentiment is over", alert.explanation());
    assertEquals(5, alert.samples().size());
  }

  @Test
  void nothingToCiteLeavesTermsAndSamplesEmpty() {
    WindowStats decided = StatsSeries.window(ORG, 12, 0, 0, "none");
    Evaluation evaluation = new Evaluation(Measure.MENTIONS, 0, 3, 0, false, false);

    Alert alert = composer.compose(decision(AlertKind.VOLUME_SPIKE, AlertStatus.RESOLVED, evaluation), decided,
        List.of());

    assertEquals(List.of(), alert.topTerms());
    assertEquals(List.of(), alert.samples());
  }
}
