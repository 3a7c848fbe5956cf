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

  /** Positions at one moment, with the process CPU time used by then. */
  record Sample(long nanos, long cpuNanos, Map<String, StageProgress.Position> positions) {}

  /**
   * Rates from a moment to the end of the run.
   *
   * @param fromNanos when the rates start (the first reading at or after the warm-up)
   * @param endToEnd mentions per second through every stage
   * @param perStage offsets per second read by each stage
   * @param cpuMicrosPerMention process CPU time per mention through every stage over the same time
   */
  record Rates(long fromNanos, double endToEnd, Map<String, Double> perStage, double cpuMicrosPerMention) {}

  void add(long nanos, long cpuNanos, Map<String, StageProgress.Position> positions) {
    samples.add(new Sample(nanos, cpuNanos, positions));
  }

  /** The process CPU time of the reading taken at {@code nanos}; the latest reading's when there is none then. */
  long cpuAt(long nanos) {
    return samples.stream().filter(s -> s.nanos() == nanos).findFirst().orElse(samples.get(samples.size() - 1))
        .cpuNanos();
  }

  /**
   * Rates between the first reading at or after {@code fromNanos} and {@code endNanos}, where the stages stood at
   * {@code end}; from {@code start} (nothing read yet) when no reading falls in between. A stage's whole input is
   * what it had read plus what it still had to read at the end, so the figures stay meaningful for a run that did not
   * drain, if less exact (input a stage had not yet received is not counted).
   */
  Rates rates(Sample start, long fromNanos, long endNanos, long endCpuNanos, long produced,
      Map<String, StageProgress.Position> end) {
    Sample from = samples.stream().filter(s -> s.nanos() >= fromNanos && s.nanos() < endNanos).findFirst()
        .orElse(start);
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
    double completed = produced * (shareAtEnd - shareThen);
    return new Rates(from.nanos(), completed / seconds, perStage, (endCpuNanos - from.cpuNanos()) / 1e3 / completed);
  }
}
