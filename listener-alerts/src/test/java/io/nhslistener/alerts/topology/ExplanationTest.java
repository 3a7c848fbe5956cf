package io.nhslistener.alerts.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nhslistener.alerts.detect.Decision;
import io.nhslistener.alerts.detect.Evaluation;
import io.nhslistener.alerts.detect.Measure;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExplanationTest {
  private static final Instant START = Instant.parse("2026-03-03T14:20:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static Decision decision(AlertKind kind, AlertStatus status, Evaluation evaluation) {
    return new Decision(kind, status, Severity.HIGH, START, START.plus(MINUTE), START, evaluation);
  }

  @Test
  void volumeSpikeSaysObservedExpectedAndHowUnlikely() {
    Decision spike = decision(AlertKind.VOLUME_SPIKE, AlertStatus.FIRING,
        new Evaluation(Measure.MENTIONS, 84, 12.3, 7.0, true, true));

    assertEquals("84 mentions in 1 minute against about 12 expected; this is 1 in 10 million under the usual pattern",
        Explanation.of(spike, 84, MINUTE));
  }

  @Test
  void negativeShareSaysShareOfHowManyAgainstTheUsualShare() {
    Decision drop = decision(AlertKind.SENTIMENT_DROP, AlertStatus.FIRING,
        new Evaluation(Measure.NEGATIVE_SHARE, 0.62, 0.2, 4.7, true, true));

    assertEquals("62% of 40 mentions negative in 1 minute against a usual 20%; this is 1 in 50,000 under the usual "
        + "pattern", Explanation.of(drop, 40, MINUTE));
  }

  @Test
  void meanSentimentIsSignedWithTwoDecimals() {
    Decision drop = decision(AlertKind.SENTIMENT_DROP, AlertStatus.ESCALATED,
        new Evaluation(Measure.MEAN_SENTIMENT, -0.35, 0.1, 5.3, true, true));

    assertEquals("Mean sentiment -0.35 across 40 mentions in 5 minutes against a usual +0.10; this is 1 in 200,000 "
        + "under the usual pattern", Explanation.of(drop, 40, Duration.ofMinutes(5)));
  }

  @Test
  void resolvedSaysBackToNormalWithoutOdds() {
    Decision end = decision(AlertKind.VOLUME_SPIKE, AlertStatus.RESOLVED,
        new Evaluation(Measure.MENTIONS, 14, 12.4, 0.3, false, false));

    assertEquals("Back to normal: 14 mentions in 1 minute against about 12 expected",
        Explanation.of(end, 14, MINUTE));
  }

  @Test
  void resolvedOnAnEmptyWindowHasNoEvaluationToQuote() {
    Decision end = decision(AlertKind.SENTIMENT_DROP, AlertStatus.RESOLVED, null);

    assertEquals("No mentions in 1 hour; the drop in sentiment is over", Explanation.of(end, 0, Duration.ofHours(1)));
  }

  @Test
  void smallExpectationsKeepTheirScale() {
    assertEquals("1 mention in 90 seconds against fewer than 1 expected; this is 1 in 250 under the usual pattern",
        Explanation.of(decision(AlertKind.VOLUME_SPIKE, AlertStatus.FIRING,
            new Evaluation(Measure.MENTIONS, 1, 0.2, 2.4, true, true)), 1, Duration.ofSeconds(90)));
    assertEquals("15 mentions in 1 minute against about 2.5 expected; this is 1 in 1,000 under the usual pattern",
        Explanation.of(decision(AlertKind.VOLUME_SPIKE, AlertStatus.FIRING,
            new Evaluation(Measure.MENTIONS, 15, 2.46, 3.0, true, true)), 15, MINUTE));
    assertEquals("3,400 mentions in 1 minute against about 1,234 expected; this is less than 1 in a trillion under "
        + "the usual pattern", Explanation.of(decision(AlertKind.VOLUME_SPIKE, AlertStatus.FIRING,
            new Evaluation(Measure.MENTIONS, 3400, 1234.4, 80, true, true)), 3400, MINUTE));
  }

  @Test
  void oddsRoundToTwoFiguresInWords() {
    assertEquals("1 in 1", Explanation.odds(0));
    assertEquals("1 in 250", Explanation.odds(2.4));
    assertEquals("1 in 12,000", Explanation.odds(4.08));
    assertEquals("1 in 1.5 million", Explanation.odds(6.18));
    assertEquals("1 in 3.2 billion", Explanation.odds(9.5));
    assertEquals("less than 1 in a trillion", Explanation.odds(12));
  }

  @Test
  void durationsInWholeUnits() {
    assertEquals("1 minute", Explanation.duration(Duration.ofMinutes(1)));
    assertEquals("15 minutes", Explanation.duration(Duration.ofMinutes(15)));
    assertEquals("2 hours", Explanation.duration(Duration.ofHours(2)));
    assertEquals("30 seconds", Explanation.duration(Duration.ofSeconds(30)));
  }
}
