package io.nhslistener.alerts.nab;

import io.nhslistener.alerts.detect.SpikeDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores detections over a NAB-layout corpus with every cost profile of the corpus.
 * The entry points for {@code listener eval spikes --nab DIR [--scores RESULTS_DIR --threshold T]}.
 */
public final class NabEvaluation {
  private NabEvaluation() {}

  /** Produces one detection flag per row of a series. */
  @FunctionalInterface
  public interface SeriesDetector {
    /**
     * @throws IOException if the detections come from a file that cannot be read
     */
    boolean[] detect(LabelledSeries series) throws IOException;
  }

  /**
   * Runs a fresh {@link SpikeDetector} online over every series of a NAB-layout corpus and scores its alerts.
   *
   * @param nabDir the corpus ({@code data/}, {@code windows.json}, optional {@code profiles.json})
   * @param sensitivity the detector's sensitivity, 1 for the tuned default
   * @throws IOException if a corpus file is missing or malformed
   * @throws IllegalArgumentException if the sensitivity is outside (0, 10]
   */
  public static NabReport runDetector(Path nabDir, double sensitivity) throws IOException {
    return evaluate(NabCorpusLoader.load(nabDir), series -> detect(series, sensitivity));
  }

  /** One pass of a fresh detector over a series: the flag of row i depends on rows up to i only. */
  static boolean[] detect(LabelledSeries series, double sensitivity) {
    SpikeDetector detector = new SpikeDetector(sensitivity);
    boolean[] alerts = new boolean[series.size()];
    for (int i = 0; i < alerts.length; i++) {
      alerts[i] = detector.observe(series.value(i));
    }
    return alerts;
  }

  /**
   * Scores an existing detector's per-row output in NAB's results layout: a row is a detection when its
   * {@code anomaly_score} is at least {@code threshold}. The detector name is the results directory's own name.
   *
   * @param nabDir the corpus ({@code data/}, {@code windows.json}, optional {@code profiles.json})
   * @param resultsDir e.g. NAB's {@code results/numenta}, holding {@code <category>/numenta_<name>.csv}
   * @throws IOException if a corpus or results file is missing or malformed
   */
  public static NabReport scoreResults(Path nabDir, Path resultsDir, double threshold) throws IOException {
    NabResultsLoader results = NabResultsLoader.forDirectory(resultsDir);
    return evaluate(NabCorpusLoader.load(nabDir),
        series -> NabScorer.detections(results.anomalyScores(series), threshold));
  }

  /**
   * Scores a detector's flags on every series of {@code corpus} with every profile of the corpus.
   *
   * @throws IOException if the detector does
   * @throws IllegalArgumentException if the detector returns a flag array whose length is not the series' size
   */
  public static NabReport evaluate(NabCorpus corpus, SeriesDetector detector) throws IOException {
    List<NabReport.FileResult> files = new ArrayList<>();
    for (LabelledSeries series : corpus.series()) {
      boolean[] detections = detector.detect(series);
      if (detections.length != series.size()) {
        throw new IllegalArgumentException(series.name() + ": " + detections.length + " flags for " + series.size()
            + " rows");
      }
      Map<CostProfile, FileScore> scores = new LinkedHashMap<>();
      for (CostProfile profile : corpus.profiles()) {
        scores.put(profile, NabScorer.score(detections, series.windows(), profile));
      }
      files.add(new NabReport.FileResult(series.name(), series.size(), series.windows().size(), count(detections),
          scores));
    }
    return new NabReport(corpus.profiles(), files);
  }

  private static int count(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return n;
  }
}
