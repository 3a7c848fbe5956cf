package io.nhslistener.core.model;

/** What an alert is about. */
public enum AlertKind {
  /** Mention volume well above the organisation's usual level for the time. */
  VOLUME_SPIKE,
  /** Sentiment well below the organisation's usual level, with enough volume to mean it. */
  SENTIMENT_DROP
}
