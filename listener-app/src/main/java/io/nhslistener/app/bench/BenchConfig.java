package io.nhslistener.app.bench;

import io.nhslistener.app.config.AppConfig;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.config.ValueTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The listener configuration of one run, written as YAML and read by the application's own loader (so environment
 * overrides such as {@code LISTENER_STREAMS_THREADS} apply, as they would to {@code listener run}): the run's data
 * dir, its own application ids and groups, the window timing, the broker to use and a free metrics port.
 */
final class BenchConfig {
  private BenchConfig() {}

  /** Application id of the run's streams role; the alerts role and the baseline derive theirs from it. */
  static String streamsApplicationId(String runTag) {
    return "bench-" + runTag;
  }

  static String alertsApplicationId(String runTag) {
    return "bench-" + runTag + "-alerts";
  }

  static String deliveryGroup(String runTag) {
    return "bench-" + runTag + "-delivery";
  }

  static String passThroughApplicationId(String runTag) {
    return "bench-" + runTag + "-passthrough";
  }

  /**
   * @param bootstrap the broker the roles use
   * @param metricsPort a free port for the process's metrics endpoint
   */
  static ListenerConfig of(BenchOptions options, String runTag, Path runDir, String bootstrap, int metricsPort,
      Map<String, String> env) {
    List<String> lines = new ArrayList<>(List.of(
        "dataDir: " + quoted(runDir.toAbsolutePath()),
        "metrics:",
        "  address: " + quoted("127.0.0.1:" + metricsPort),
        "streams:",
        "  applicationId: " + quoted(streamsApplicationId(runTag)),
        "  window: " + quoted(ValueTypes.format(options.window())),
        "  grace: " + quoted(ValueTypes.format(options.grace())),
        "alerts:",
        "  applicationId: " + quoted(alertsApplicationId(runTag)),
        "  window: " + quoted(ValueTypes.format(options.window())),
        "  delivery:",
        "    groupId: " + quoted(deliveryGroup(runTag)),
        "kafka:",
        "  bootstrap.servers: " + quoted(bootstrap)));
    lines.add("");
    return AppConfig.loader(env).parse(String.join("\n", lines), "bench");
  }

  private static String quoted(Object value) {
    return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
