package io.nhslistener.alerts.topology;

import io.nhslistener.alerts.detect.Decision;
import io.nhslistener.alerts.detect.Evaluation;
import io.nhslistener.core.model.AlertStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/**
 * The one plain sentence an alert carries, from the detector's evaluation of the window: observed against expected
 * and how unlikely that is, e.g. "84 mentions in 1 minute against about 12 expected; this is 1 in 10 million under the
 * usual pattern" or "62% of 40 mentions negative in 1 minute against a usual 20%; …". Stateless.
 */
final class Explanation {
  private static final MathContext TWO_FIGURES = new MathContext(2);
  private static final double TRILLION = 1e12;

  private Explanation() {}

  /**
   * The sentence for {@code decision} about a window of {@code mentions} mentions lasting {@code window}.
   * A resolved decision on an empty window has no evaluation: it says so.
   */
  static String of(Decision decision, long mentions, Duration window) {
    Evaluation evaluation = decision.evaluation();
    String span = "in " + duration(window);
    if (evaluation == null) {
      return "No mentions " + span + "; the " + kindWords(decision) + " is over";
    }
    String observation = switch (evaluation.measure()) {
      case MENTIONS -> count((long) evaluation.observed(), "mention") + " " + span + " against "
          + expectedCount(evaluation.expected());
      case NEGATIVE_SHARE -> percent(evaluation.observed()) + " of " + count(mentions, "mention") + " negative "
          + span + " against a usual " + percent(evaluation.expected());
      case MEAN_SENTIMENT -> "Mean sentiment " + signed(evaluation.observed()) + " across "
          + count(mentions, "mention") + " " + span + " against a usual " + signed(evaluation.expected());
    };
    if (decision.status() == AlertStatus.RESOLVED) {
      return "Back to normal: " + observation;
    }
    return capitalise(observation) + "; this is " + odds(evaluation.surprise()) + " under the usual pattern";
  }

  /** "1 in 250", "1 in 12,000", "1 in 10 million", "1 in 3.5 billion", "less than 1 in a trillion". */
  static String odds(double surprise) {
    double n = Math.pow(10, Math.max(0, surprise));
    if (n >= TRILLION) {
      return "less than 1 in a trillion";
    }
    if (n >= 1e9) {
      return "1 in " + twoFigures(n / 1e9) + " billion";
    }
    if (n >= 1e6) {
      return "1 in " + twoFigures(n / 1e6) + " million";
    }
    return "1 in " + twoFigures(n);
  }

  /** "1 minute", "5 minutes", "1 hour", "90 seconds". */
  static String duration(Duration length) {
    long seconds = length.toSeconds();
    if (seconds % 3600 == 0) {
      return count(seconds / 3600, "hour");
    }
    if (seconds % 60 == 0) {
      return count(seconds / 60, "minute");
    }
    return count(seconds, "second");
  }

  private static String kindWords(Decision decision) {
    return switch (decision.kind()) {
      case VOLUME_SPIKE -> "surge in mentions";
      case SENTIMENT_DROP -> "drop in sentiment";
    };
  }

  private static String expectedCount(double expected) {
    if (expected < 1) {
      return "fewer than 1 expected";
    }
    return "about " + (expected < 10 ? oneDecimal(expected) : grouped(Math.round(expected))) + " expected";
  }

  private static String count(long n, String noun) {
    return grouped(n) + " " + noun + (n == 1 ? "" : "s");
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  private static String signed(double value) {
    return String.format(Locale.UK, "%+.2f", value);
  }

  private static String oneDecimal(double value) {
    return BigDecimal.valueOf(Math.round(value * 10) / 10.0).stripTrailingZeros().toPlainString();
  }

  private static String twoFigures(double value) {
    BigDecimal rounded = new BigDecimal(value).round(TWO_FIGURES).stripTrailingZeros();
    return rounded.scale() > 0 ? rounded.toPlainString() : grouped(rounded.longValueExact());
  }

  private static String grouped(long n) {
    return NumberFormat.getIntegerInstance(Locale.UK).format(n);
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
