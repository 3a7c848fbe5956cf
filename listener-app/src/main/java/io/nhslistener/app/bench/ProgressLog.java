package io.nhslistener.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages' positions over a run, and the sustained rates they give once the run has drained. The end-to-end
 * figure counts a mention as through when every stage is past its share: at any moment, mentions produced times the
 * smallest fraction of its final input that any stage has read. Not thread-safe.
 */
final class ProgressLog {
  private final List<Sample> samples = new ArrayList<>();

  /** Positions at one moment. */
  record Sample(long nanos, Map<String, StageProgress.Position> positions) {}

  /**
   * Rates from a moment to the end of the run.
   *
   * @param fromNanos when the rates start (the first reading at or after the warm-up)
   * @param endToEnd mentions per second through every stage
   * @param perStage offsets per second read by each stage
   */
  record Rates(long fromNanos, double endToEnd, Map<String, Double> perStage) {}

  void add(long nanos, Map<String, StageProgress.Position> positions) {
    samples.add(new Sample(nanos, positions));
  }

  /**
   * Rates between the first reading at or after {@code fromNanos} and {@code endNanos}, where the stages stood at
   * {@code end}; from {@code startNanos} (nothing read) when no reading falls in between. A stage's whole input is
   * what it had read plus what it still had to read at the end, so the figures stay meaningful for a run that did not
   * drain, if less exact (input a stage had not yet received is not counted).
   */
  Rates rates(long startNanos, long fromNanos, long endNanos, long produced,
      Map<String, StageProgress.Position> end) {
    Sample from = samples.stream().filter(s -> s.nanos() >= fromNanos && s.nanos() < endNanos).findFirst()
        .orElse(new Sample(startNanos, Map.of()));
    double seconds = (endNanos - from.nanos()) / 1e9;
    double shareThen = 1.0;
    double shareAtEnd = 1.0;
    Map<String, Double> perStage = new LinkedHashMap<>();
    for (Map.Entry<String, StageProgress.Position> stage : end.entrySet()) {
      long input = stage.getValue().read() + stage.getValue().lag();
      StageProgress.Position then = from.positions().get(stage.getKey());
      long readThen = then == null ? 0 : then.read();
      perStage.put(stage.getKey(), (stage.getValue().read() - readThen) / seconds);
      if (input > 0) {
        shareThen = Math.min(shareThen, readThen / (double) input);
        shareAtEnd = Math.min(shareAtEnd, stage.getValue().read() / (double) input);
      }
    }
    return new Rates(from.nanos(), produced * (shareAtEnd - shareThen) / seconds, perStage);
  }
}
