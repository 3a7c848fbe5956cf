package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sentiment of one text: a compound score in [-1, 1] and its label.
 *
 * @param compound overall valence, -1 most negative, 1 most positive
 * @param label the three-class label the scorer derived from the text
 * @throws RecordFormatException if the compound is outside [-1, 1] or not a number, or the label is missing
 */
public record Sentiment(
    @JsonProperty(required = true) double compound,
    @JsonProperty(required = true) SentimentLabel label) {

  public Sentiment {
    if (!(compound >= -1.0 && compound <= 1.0)) {
      throw new RecordFormatException("Sentiment", "compound", compound, "must be a number in [-1, 1]");
    }
    Fields.required("Sentiment", "label", label);
  }
}
