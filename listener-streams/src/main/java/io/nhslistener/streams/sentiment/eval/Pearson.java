package io.nhslistener.streams.sentiment.eval;

/** Pearson's correlation coefficient, accumulated one pair at a time. Not thread-safe. */
public final class Pearson {
  private int n;
  private double meanX;
  private double meanY;
  private double sumXX;
  private double sumYY;
  private double sumXY;

  /** Welford-style update: stable without keeping the values. */
  public void add(double x, double y) {
    n++;
    double dx = x - meanX;
    double dy = y - meanY;
    meanX += dx / n;
    meanY += dy / n;
    sumXX += dx * (x - meanX);
    sumYY += dy * (y - meanY);
    sumXY += dx * (y - meanY);
  }

  /** r, or NaN with fewer than two pairs or when either variable is constant. */
  public double r() {
    if (n < 2 || sumXX == 0 || sumYY == 0) {
      return Double.NaN;
    }
    return sumXY / Math.sqrt(sumXX * sumYY);
  }
}
