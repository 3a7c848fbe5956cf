package io.nhslistener.alerts.nab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One series of a NAB-layout corpus: its rows (timestamp, value) and its labelled anomaly windows.
 * Immutable: the arrays are copied in.
 */
public final class LabelledSeries {
  private final String name;
  private final long[] timestamps;
  private final double[] values;
  private final List<LabelledWindow> windows;

  /**
   * @param name the corpus-relative name, {@code <category>/<file>.csv}
   * @param timestamps epoch milliseconds (UTC) of each row
   * @param values value of each row
   * @param windows anomaly windows; sorted by first row, they must not overlap or reach past the last row
   * @throws IllegalArgumentException if the arrays differ in length or a window is out of range or overlaps another
   */
  public LabelledSeries(String name, long[] timestamps, double[] values, List<LabelledWindow> windows) {
    if (timestamps.length != values.length) {
      throw new IllegalArgumentException(name + ": " + timestamps.length + " timestamps but " + values.length + " values");
    }
    List<LabelledWindow> sorted = new ArrayList<>(windows);
    sorted.sort(Comparator.comparingInt(LabelledWindow::first));
    int previousLast = -1;
    for (LabelledWindow w : sorted) {
      if (w.first() <= previousLast || w.last() >= values.length) {
        throw new IllegalArgumentException(name + ": window " + w + " overlaps another or ends past row "
            + (values.length - 1));
      }
      previousLast = w.last();
    }
    this.name = name;
    this.timestamps = timestamps.clone();
    this.values = values.clone();
    this.windows = List.copyOf(sorted);
  }

  public String name() {
    return name;
  }

  public int size() {
    return values.length;
  }

  public long timestamp(int row) {
    return timestamps[row];
  }

  public double value(int row) {
    return values[row];
  }

  /** The windows, sorted by first row. */
  public List<LabelledWindow> windows() {
    return windows;
  }
}
