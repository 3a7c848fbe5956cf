package io.nhslistener.streams.sentiment.eval;

import io.nhslistener.core.model.SentimentLabel;

/**
 * One gold-standard text.
 *
 * @param text the text to score
 * @param gold the gold label; for a rated text, its rating cut at +-{@value #NEUTRAL_BAND} (VADER's convention)
 * @param rating the gold rating for score-format lines, {@code Double.NaN} for label-format lines
 */
public record LabelledText(String text, SentimentLabel gold, double rating) {
  /** Ratings within this distance of 0 count as neutral, as in the VADER paper. */
  public static final double NEUTRAL_BAND = 0.05;

  public static LabelledText labelled(String text, SentimentLabel gold) {
    return new LabelledText(text, gold, Double.NaN);
  }

  public static LabelledText rated(String text, double rating) {
    SentimentLabel gold = rating > NEUTRAL_BAND ? SentimentLabel.POSITIVE
        : rating < -NEUTRAL_BAND ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    return new LabelledText(text, gold, rating);
  }

  public boolean hasRating() {
    return !Double.isNaN(rating);
  }
}
