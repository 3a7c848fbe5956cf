package io.nhslistener.app.cli;

import io.nhslistener.alerts.nab.NabEvaluation;
import io.nhslistener.alerts.nab.NabReport;
import io.nhslistener.alerts.nab.NabReportRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code listener eval spikes}: NAB scoring of our detector or of another detector's results. */
@Command(name = "spikes", mixinStandardHelpOptions = true,
    description = {"Runs the spike detector online over every series of a NAB-layout directory and scores its",
        "alerts the way NAB does (standard, low-FP and low-FN profiles), ending with one JSON line.",
        "With --scores, scores another detector's per-row results (NAB's results layout) at --threshold instead."})
public final class EvalSpikesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--nab", required = true, paramLabel = "DIR",
      description = "NAB layout: data/<category>/<name>.csv and windows.json")
  Path nabDir;

  @Option(names = "--scores", paramLabel = "RESULTS_DIR",
      description = "Score this detector output (<category>/<detector>_<name>.csv with anomaly_score) instead")
  Path scoresDir;

  @Option(names = "--threshold", paramLabel = "T", description = "Detection threshold for --scores")
  Double threshold;

  @Option(names = "--sensitivity", paramLabel = "S", defaultValue = "1.0",
      description = "Detector sensitivity (default: ${DEFAULT-VALUE})")
  double sensitivity;

  @Override
  public Integer call() throws Exception {
    NabReport report;
    if (scoresDir != null) {
      if (threshold == null) {
        throw new ParameterException(spec.commandLine(), "--scores needs --threshold");
      }
      report = NabEvaluation.scoreResults(nabDir, scoresDir, threshold);
    } else {
      report = NabEvaluation.runDetector(nabDir, sensitivity);
    }
    PrintWriter out = spec.commandLine().getOut();
    NabReportRenderer.render(report, out);
    out.flush();
    return ExitCodes.OK;
  }
}
