package io.nhslistener.streams.match;

import io.nhslistener.core.model.Sentiment;

/**
 * Scores the sentiment of a mention's text. Matching calls it once per mention that matched at least one
 * organisation; the streams role passes {@code SentimentScorer.standard()::score}.
 *
 * <p>Implementations must be thread-safe (stream threads share one) and must not throw for any text.
 */
@FunctionalInterface
public interface ToSentiment {
  /** The sentiment of {@code text}, which may be empty. */
  Sentiment score(String text);
}
