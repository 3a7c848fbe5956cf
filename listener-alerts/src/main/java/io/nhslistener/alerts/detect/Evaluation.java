package io.nhslistener.alerts.detect;

import io.nhslistener.core.model.Severity;

/**
 * One window judged against its baseline by one detector.
 *
 * @param measure what observed and expected measure
 * @param observed the window's figure
 * @param expected the baseline's figure for that window
 * @param surprise how unlikely the observation is: {@code -log10} of its tail probability under the baseline
 *     (0 = unremarkable, 6 = one in a million)
 * @param opens strong enough to open an alert episode
 * @param abnormal still abnormal enough to keep an open episode going
 */
public record Evaluation(Measure measure, double observed, double expected, double surprise, boolean opens,
    boolean abnormal) {

  /** The tail probability, {@code 10^-surprise}. */
  public double probability() {
    return Math.pow(10, -surprise);
  }

  /**
   * Severity from how unlikely: below one in 10^5 LOW, below 10^7 MEDIUM, below 10^10 HIGH, else CRITICAL.
   */
  public Severity severity() {
    if (surprise >= 10) {
      return Severity.CRITICAL;
    }
    if (surprise >= 7) {
      return Severity.HIGH;
    }
    return surprise >= 5 ? Severity.MEDIUM : Severity.LOW;
  }
}
