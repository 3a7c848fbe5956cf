package io.nhslistener.alerts.detect;

/** What an evaluation's observed and expected figures measure. */
public enum Measure {
  /** Mentions in the window. */
  MENTIONS,
  /** Share of the window's mentions labelled negative, 0..1. */
  NEGATIVE_SHARE,
  /** Mean compound sentiment of the window's mentions, -1..1. */
  MEAN_SENTIMENT
}
