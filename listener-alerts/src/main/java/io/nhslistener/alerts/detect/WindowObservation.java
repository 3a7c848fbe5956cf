package io.nhslistener.alerts.detect;

import java.time.Instant;

/**
 * What the detectors need of one closed window of one organisation (the topology adapts {@code WindowStats} to it).
 *
 * @param windowStart inclusive start
 * @param windowEnd exclusive end
 * @param count mentions in the window
 * @param negative mentions labelled negative
 * @param meanSentiment mean compound sentiment, -1..1 (0 for an empty window)
 * @throws IllegalArgumentException if a time is missing, the end is not after the start, a count is negative, negative
 *     exceeds count, or the mean is outside [-1, 1]
 */
public record WindowObservation(Instant windowStart, Instant windowEnd, long count, long negative,
    double meanSentiment) {

  public WindowObservation {
    if (windowStart == null || windowEnd == null || !windowEnd.isAfter(windowStart)) {
      throw new IllegalArgumentException("window must have a start before its end: " + windowStart + ".." + windowEnd);
    }
    if (count < 0 || negative < 0 || negative > count) {
      throw new IllegalArgumentException("need 0 <= negative <= count, got negative " + negative + " of " + count);
    }
    if (!(meanSentiment >= -1 && meanSentiment <= 1)) {
      throw new IllegalArgumentException("meanSentiment must be in [-1, 1], got " + meanSentiment);
    }
  }
}
