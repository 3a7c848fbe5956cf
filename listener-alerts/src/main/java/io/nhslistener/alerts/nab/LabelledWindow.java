package io.nhslistener.alerts.nab;

/**
 * A labelled anomaly window of one series, as row indices.
 *
 * @param first index of the window's first row (inclusive)
 * @param last index of the window's last row (inclusive)
 * @throws IllegalArgumentException if {@code first < 0} or {@code last < first}
 */
public record LabelledWindow(int first, int last) {

  public LabelledWindow {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("bad window rows [" + first + ", " + last + "]");
    }
  }

  /** Number of rows in the window. */
  public int width() {
    return last - first + 1;
  }
}
