package io.nhslistener.alerts.detect;

/**
 * Upper-tail probabilities on a log10 scale, so that very unlikely observations keep their resolution.
 */
final class Tails {
  private static final double LN10 = Math.log(10);
  private static final double[] LANCZOS = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
      12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
  private static final double NEGLIGIBLE = 1e-17;
  private static final int MAX_TERMS = 1_000_000;

  private Tails() {}

  /**
   * log10 P(X >= x) for a negative binomial X with the given mean and variance {@code mean + dispersion * mean²}
   * (Poisson when dispersion is 0). Exact up to floating point; costs O(spread) terms, so call it per alert
   * candidate, not per point.
   */
  static double log10CountUpper(long x, double mean, double dispersion) {
    if (x <= 0) {
      return 0.0;
    }
    double mu = Math.max(mean, 1e-9);
    boolean poisson = dispersion < 1e-9;
    double size = poisson ? Double.POSITIVE_INFINITY : 1.0 / dispersion;
    double logRatio = poisson ? Math.log(mu) : Math.log(mu / (size + mu));
    double logPx = logPmf(x, mu, size, poisson);
    if (x > mu) {
      // terms fall from x upwards: sum them relative to p(x)
      double ratio = Math.exp(logRatio);
      double sum = 0;
      double term = 1;
      for (long k = x; term > NEGLIGIBLE * sum && k < x + MAX_TERMS; k++) {
        sum += term;
        term *= (poisson ? 1.0 / (k + 1) : (k + size) / (k + 1)) * ratio;
      }
      return (logPx + Math.log(sum)) / LN10;
    }
    // below the mean the tail is large: 1 - P(X < x), summing downwards from x - 1
    double ratio = Math.exp(logRatio);
    double lower = 0;
    double term = Math.exp(logPmf(x - 1, mu, size, poisson));
    for (long k = x - 1; k >= 0 && term > NEGLIGIBLE; k--) {
      lower += term;
      term *= k / ((poisson ? 1.0 : k - 1 + size) * ratio);
    }
    return Math.log10(Math.max(1.0 - lower, Double.MIN_NORMAL));
  }

  /** log10 P(Z >= z) for a standard normal Z (relative error about 1e-7). */
  static double log10NormalUpper(double z) {
    double x = z / Math.sqrt(2);
    double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
    double logErfc = Math.log(t) - x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277))))))));
    if (x >= 0) {
      return (logErfc - Math.log(2)) / LN10;
    }
    return Math.log10(1.0 - Math.exp(logErfc) / 2); // erfc(-x) = 2 - erfc(x)
  }

  private static double logPmf(long k, double mu, double size, boolean poisson) {
    if (poisson) {
      return k * Math.log(mu) - mu - logGamma(k + 1.0);
    }
    return logGamma(k + size) - logGamma(size) - logGamma(k + 1.0) + size * Math.log(size / (size + mu))
        + k * Math.log(mu / (size + mu));
  }

  /** Lanczos approximation (g = 7), about 15 significant digits for x > 0. */
  static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double y = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (y + i);
    }
    double t = y + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
