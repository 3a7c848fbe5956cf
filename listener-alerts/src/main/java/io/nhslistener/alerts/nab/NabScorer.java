package io.nhslistener.alerts.nab;

import java.util.List;

/**
 * NAB's scoring of one file's detections, reproducing NAB's {@code Sweeper} exactly:
 * <ul>
 *   <li>the first {@code min(floor(0.15 N), 750)} rows are probationary and count for nothing;</li>
 *   <li>only the earliest detection in a window counts, worth {@code A_TP σ(y) / σ(-1)} with
 *       {@code y = -(last - i + 1) / width} and {@code σ(y) = 2 / (1 + e^(5y)) - 1} ({@code -1} from {@code y >= 3});</li>
 *   <li>a scorable window with no detection costs {@code -A_FN};</li>
 *   <li>a detection outside every window costs {@code A_FP σ(|i - lastPrev| / (widthPrev - 1))} measured from the
 *       previous window's last row, or {@code -A_FP} before the first window has ended.</li>
 * </ul>
 * A window is scorable when at least one of its rows is past probation.
 */
public final class NabScorer {
  private static final double PROBATION_SHARE = 0.15;
  private static final int PROBATION_CAP = 750;
  private static final double MAX_TP = scaledSigmoid(-1.0);

  private NabScorer() {}

  /** Rows at the start of an {@code rows}-row file that NAB ignores. */
  public static int probationRows(int rows) {
    return (int) Math.min(Math.floor(PROBATION_SHARE * rows), PROBATION_CAP);
  }

  /** NAB's scaled sigmoid of a relative position: about 0.987 at -1, 0 at 0, about -0.987 at 1, -1 from 3 on. */
  public static double scaledSigmoid(double position) {
    if (position >= 3.0) {
      return -1.0;
    }
    return 2.0 / (1.0 + Math.exp(5.0 * position)) - 1.0;
  }

  /**
   * Scores a file's binary detections.
   *
   * @param detections one flag per row, true where the detector alerted
   * @param windows the file's windows, sorted by first row, not overlapping, within the rows
   * @param profile the cost profile
   * @throws IllegalArgumentException if a window reaches past the last row or the windows are not sorted
   */
  public static FileScore score(boolean[] detections, List<LabelledWindow> windows, CostProfile profile) {
    int rows = detections.length;
    int probation = probationRows(rows);
    double falsePositiveCost = 0.0;
    int falsePositives = 0;
    double windowScores = 0.0;
    int detected = 0;
    int missed = 0;
    int row = 0;
    LabelledWindow previous = null;
    for (LabelledWindow window : windows) {
      if (window.last() >= rows || window.first() < row) {
        throw new IllegalArgumentException("window " + window + " is out of order or past row " + (rows - 1));
      }
      for (; row < window.first(); row++) {
        if (row >= probation && detections[row]) {
          falsePositiveCost += falsePositiveScore(row, previous, profile);
          falsePositives++;
        }
      }
      double best = Double.NaN;
      boolean scorable = false;
      for (; row <= window.last(); row++) {
        if (row >= probation) {
          scorable = true;
          if (detections[row] && Double.isNaN(best)) {
            best = truePositiveScore(row, window, profile); // the earliest detection scores highest
          }
        }
      }
      if (scorable) {
        if (Double.isNaN(best)) {
          windowScores -= profile.fnWeight();
          missed++;
        } else {
          windowScores += best;
          detected++;
        }
      }
      previous = window;
    }
    for (; row < rows; row++) {
      if (row >= probation && detections[row]) {
        falsePositiveCost += falsePositiveScore(row, previous, profile);
        falsePositives++;
      }
    }
    return new FileScore(falsePositiveCost + windowScores, detected, missed, falsePositives);
  }

  /** NAB's detections at a threshold: a row is a detection when its anomaly score is at least the threshold. */
  public static boolean[] detections(double[] anomalyScores, double threshold) {
    boolean[] detections = new boolean[anomalyScores.length];
    for (int i = 0; i < detections.length; i++) {
      detections[i] = anomalyScores[i] >= threshold;
    }
    return detections;
  }

  private static double truePositiveScore(int row, LabelledWindow window, CostProfile profile) {
    double position = -(window.last() - row + 1) / (double) window.width();
    return scaledSigmoid(position) * profile.tpWeight() / MAX_TP;
  }

  private static double falsePositiveScore(int row, LabelledWindow previous, CostProfile profile) {
    // A one-row previous window divides by zero (NAB itself would fail); +infinity then means the full cost.
    double position = previous == null ? 3.0 : Math.abs(previous.last() - row) / (double) (previous.width() - 1);
    return scaledSigmoid(position) * profile.fpWeight();
  }
}
