package io.nhslistener.app.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one {@code listener bench} run does.
 *
 * @param orgs organisations in the generated watchlist
 * @param rules Monitor rules across them ({@code orgs <= rules <= 5 * orgs})
 * @param mentions mentions to produce, or 0 to produce for {@code duration}
 * @param duration how long to produce, when {@code mentions} is 0
 * @param rate mentions per second to produce, or 0 for as fast as ingest can
 * @param bootstrap an external cluster's {@code bootstrap.servers}, or null for the embedded broker
 * @param dataDir where the run keeps its broker and state data (a fresh directory per run below it)
 * @param seed makes the watchlist and the mentions reproducible
 * @param window base window of the window stage and of detection
 * @param grace how long after its end a window still accepts mentions
 * @param warmUp rates, CPU per mention and latencies are measured from this long after the start (JIT warm-up)
 * @param spikeOrgs organisations that get a burst of mentions early in the run, so that detection has alerts to time
 * @param passThrough whether to measure the pass-through baseline after the pipeline
 * @throws IllegalArgumentException when the figures do not fit together
 */
public record BenchOptions(int orgs, int rules, long mentions, Duration duration, double rate, String bootstrap,
    Path dataDir, long seed, Duration window, Duration grace, Duration warmUp, int spikeOrgs, boolean passThrough) {

  public BenchOptions {
    if (orgs < 1 || rules < orgs || rules > 5L * orgs) {
      throw new IllegalArgumentException("need 1 <= --orgs <= --rules <= 5 x --orgs, got " + orgs + " and " + rules);
    }
    if (mentions < 0 || (mentions == 0 && (duration == null || duration.isZero() || duration.isNegative()))) {
      throw new IllegalArgumentException("give --mentions N (N > 0) or a positive --duration");
    }
    if (rate < 0 || Double.isNaN(rate)) {
      throw new IllegalArgumentException("--rate must be positive, got " + rate);
    }
    if (spikeOrgs < 0 || spikeOrgs > orgs) {
      throw new IllegalArgumentException("--spike-orgs must be between 0 and --orgs, got " + spikeOrgs);
    }
    if (window.isZero() || window.isNegative() || grace.isNegative() || warmUp.isNegative()) {
      throw new IllegalArgumentException("--window must be positive, --grace and --warm-up not negative");
    }
  }

  /** True when production stops after a count rather than a time. */
  boolean countLimited() {
    return mentions > 0;
  }

  /** True when production is paced at {@link #rate}. */
  boolean paced() {
    return rate > 0;
  }
}
