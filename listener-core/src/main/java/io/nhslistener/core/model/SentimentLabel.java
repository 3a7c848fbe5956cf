package io.nhslistener.core.model;

/** Three-class sentiment label derived from a compound score. */
public enum SentimentLabel {
  NEGATIVE,
  NEUTRAL,
  POSITIVE
}
