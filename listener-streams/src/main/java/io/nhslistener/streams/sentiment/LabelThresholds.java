package io.nhslistener.streams.sentiment;

import io.nhslistener.core.model.SentimentLabel;

/**
 * Cuts a compound score into a label: negative below {@code negativeBelow}, positive above {@code positiveAbove},
 * neutral in between. The trainer chooses both by cross-validation for macro-averaged recall.
 */
record LabelThresholds(double negativeBelow, double positiveAbove) {
  LabelThresholds {
    if (!(negativeBelow >= -1 && negativeBelow <= positiveAbove && positiveAbove <= 1)) {
      throw new IllegalArgumentException(
          "label thresholds must satisfy -1 <= negativeBelow <= positiveAbove <= 1, were " + negativeBelow + ", "
              + positiveAbove);
    }
  }

  SentimentLabel label(double compound) {
    if (compound < negativeBelow) {
      return SentimentLabel.NEGATIVE;
    }
    return compound > positiveAbove ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
  }
}
