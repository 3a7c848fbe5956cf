package io.nhslistener.ingest.synthetic;

import java.time.Duration;

/**
 * A burst injected into synthetic traffic for one organisation.
 *
 * @param organisation the organisation name the extra posts mention
 * @param start offset from the generator's start time
 * @param length how long it lasts
 * @param volumeFactor traffic for that organisation during the spike, as a multiple of its normal share (≥ 1)
 * @param negativeShare fraction of that organisation's posts during the spike that are negative (0..1)
 */
public record Spike(String organisation, Duration start, Duration length, double volumeFactor, double negativeShare) {
  public Spike {
    if (volumeFactor < 1 || negativeShare < 0 || negativeShare > 1 || length.isNegative() || start.isNegative()) {
      throw new IllegalArgumentException("a spike needs volumeFactor >= 1, negativeShare in [0, 1] and "
          + "non-negative start and length");
    }
  }

  boolean covers(Duration offset) {
    return offset.compareTo(start) >= 0 && offset.compareTo(start.plus(length)) < 0;
  }
}
