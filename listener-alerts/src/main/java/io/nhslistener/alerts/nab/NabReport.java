package io.nhslistener.alerts.nab;

import java.util.List;
import java.util.Map;

/**
 * NAB scores of a detector over a corpus: per file and profile, their totals and the normalised scores.
 *
 * @param profiles the profiles scored, in report order
 * @param files one result per series, in corpus order
 */
public record NabReport(List<CostProfile> profiles, List<FileResult> files) {

  public NabReport {
    profiles = List.copyOf(profiles);
    files = List.copyOf(files);
  }

  /**
   * One file's scores.
   *
   * @param name corpus-relative name
   * @param rows rows in the file
   * @param windows labelled windows in the file
   * @param detections rows the detector flagged, probation included
   * @param scores the score under each profile
   */
  public record FileResult(String name, int rows, int windows, int detections, Map<CostProfile, FileScore> scores) {
    public FileResult {
      scores = Map.copyOf(scores);
    }
  }

  /** Labelled windows over all files. */
  public int windowCount() {
    return files.stream().mapToInt(FileResult::windows).sum();
  }

  /** Sum of the files' raw scores under {@code profile}. */
  public double rawScore(CostProfile profile) {
    return files.stream().mapToDouble(f -> f.scores().get(profile).score()).sum();
  }

  /**
   * NAB's normalised score under {@code profile} (100 perfect, 0 the null detector).
   *
   * @throws IllegalArgumentException if the corpus has no windows
   */
  public double normalisedScore(CostProfile profile) {
    return profile.normalise(rawScore(profile), windowCount());
  }

}
