package io.nhslistener.alerts.nab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads an existing detector's per-row output in NAB's results layout: {@code <dir>/<category>/<detector>_<name>.csv}
 * with {@code timestamp} and {@code anomaly_score} columns, one row per row of the corpus file.
 */
public final class NabResultsLoader {
  private final Path dir;
  private final String detector;

  /**
   * @param dir the detector's results directory, e.g. NAB's {@code results/numenta}
   * @param detector the file-name prefix, e.g. {@code numenta}
   */
  public NabResultsLoader(Path dir, String detector) {
    this.dir = dir;
    this.detector = detector;
  }

  /** A loader whose detector name is the directory's own name, as in NAB's {@code results/<detector>/}. */
  public static NabResultsLoader forDirectory(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return new NabResultsLoader(dir, name == null ? "" : name.toString());
  }

  /**
   * The anomaly scores the detector gave each row of {@code series}.
   *
   * @throws IOException if the file is missing or unreadable, or its timestamps are not the series' timestamps
   */
  public double[] anomalyScores(LabelledSeries series) throws IOException {
    Path file = resultFile(series.name());
    NabCsv csv = NabCsv.read(file);
    long[] timestamps = csv.timestamps();
    long[] expected = new long[series.size()];
    Arrays.setAll(expected, series::timestamp);
    if (!Arrays.equals(timestamps, expected)) {
      throw new IOException(file + ": timestamps differ from " + series.name() + " (" + timestamps.length + " rows vs "
          + expected.length + ")");
    }
    return csv.doubles("anomaly_score");
  }

  private Path resultFile(String seriesName) {
    int slash = seriesName.lastIndexOf('/');
    String category = seriesName.substring(0, slash + 1);
    String file = seriesName.substring(slash + 1);
    return dir.resolve(category + detector + "_" + file);
  }
}
