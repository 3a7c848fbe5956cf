package io.nhslistener.app.cli;

import io.nhslistener.alerts.nab.NabEvaluation;
import io.nhslistener.alerts.topology.Backtest;
import io.nhslistener.alerts.topology.BacktestReport;
import io.nhslistener.app.config.AppConfig;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.alerts.nab.NabReport;
import io.nhslistener.alerts.nab.NabReportRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
        "With --scores, scores another detector's per-row results (NAB's results layout) at --threshold instead.",
        "With --org, backtests instead: replays that organisation's windows from --topic through the detector with",
        "its current watchlist settings and lists the alerts that would have fired."})
public final class EvalSpikesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--nab", paramLabel = "DIR",
      description = "NAB layout: data/<category>/<name>.csv and windows.json")
  Path nabDir;

  @Option(names = "--org", paramLabel = "ID",
      description = "Backtest: replay this organisation's history through the detector with its current settings")
  String orgId;

  @Option(names = "--topic", paramLabel = "NAME", defaultValue = "listener.org.stats",
      description = "Backtest: topic of window statistics (default: ${DEFAULT-VALUE})")
  String topic;

  @Option(names = "--from", paramLabel = "ISO-INSTANT",
      description = "Backtest: first window to read, e.g. 2026-11-01T00:00:00Z (default: all retained)")
  Instant from;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Backtest: listener.yaml naming the Kafka cluster (default: the embedded broker's address)")
  Path configFile;

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
    PrintWriter out = spec.commandLine().getOut();
    if (orgId != null) {
      ListenerConfig config = configFile == null ? AppConfig.defaults() : AppConfig.load(configFile);
      if (config.usesEmbeddedBroker()) {
        Map<String, String> kafka = new HashMap<>(config.kafka());
        kafka.put("bootstrap.servers", config.get(CoreSettings.BROKER_HOST) + ":" + config.get(CoreSettings.BROKER_PORT));
        config = config.withKafka(kafka);
      }
      BacktestReport backtest = Backtest.run(config, orgId, topic, from);
      backtest.lines().forEach(out::println);
      out.println(backtest.summary());
      out.flush();
      return ExitCodes.OK;
    }
    if (nabDir == null) {
      throw new ParameterException(spec.commandLine(), "give --nab DIR (NAB evaluation) or --org ID (backtest)");
    }
    NabReport report;
    if (scoresDir != null) {
      if (threshold == null) {
        throw new ParameterException(spec.commandLine(), "--scores needs --threshold");
      }
      report = NabEvaluation.scoreResults(nabDir, scoresDir, threshold);
    } else {
      report = NabEvaluation.runDetector(nabDir, sensitivity);
    }
    NabReportRenderer.render(report, out);
    out.flush();
    return ExitCodes.OK;
  }
}
