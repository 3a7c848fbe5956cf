package io.nhslistener.alerts.nab;

import java.util.List;

/**
 * One of NAB's cost profiles: how much a detected window earns and what a false positive or a missed window costs.
 *
 * @param name NAB's name for the profile, e.g. {@code reward_low_FP_rate}
 * @param tpWeight reward for detecting a window at its very start (A_TP)
 * @param fpWeight cost of a detection far from any window (A_FP)
 * @param fnWeight cost of a window with no detection (A_FN)
 * @throws IllegalArgumentException if the name is blank or a weight is negative or not a number
 */
public record CostProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

  public static final CostProfile STANDARD = new CostProfile("standard", 1.0, 0.11, 1.0);
  public static final CostProfile REWARD_LOW_FP_RATE = new CostProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
  public static final CostProfile REWARD_LOW_FN_RATE = new CostProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

  /** NAB's three profiles, in NAB's order. */
  public static final List<CostProfile> NAB_PROFILES = List.of(STANDARD, REWARD_LOW_FP_RATE, REWARD_LOW_FN_RATE);

  public CostProfile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("profile name must not be blank");
    }
    requireWeight(name, "tpWeight", tpWeight);
    requireWeight(name, "fpWeight", fpWeight);
    requireWeight(name, "fnWeight", fnWeight);
  }

  /**
   * NAB's normalised score: 100 for a perfect detector (every window detected at its start), 0 for the null detector
   * (every window missed).
   *
   * @param rawScore the sum of per-file raw scores
   * @param windows the number of labelled windows in the corpus, at least 1
   * @throws IllegalArgumentException if {@code windows < 1}
   */
  public double normalise(double rawScore, int windows) {
    if (windows < 1) {
      throw new IllegalArgumentException("cannot normalise over " + windows + " windows");
    }
    double perfect = tpWeight * windows;
    double nul = -fnWeight * windows;
    return 100.0 * (rawScore - nul) / (perfect - nul);
  }

  private static void requireWeight(String profile, String field, double weight) {
    if (!(weight >= 0.0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("profile " + profile + ": " + field + " must be a finite non-negative number, got "
          + weight);
    }
  }
}
