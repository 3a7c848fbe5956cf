package io.nhslistener.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.nhslistener.core.serde.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one run, as the closing JSON line reports them.
 *
 * @param mentions mentions produced
 * @param rules Monitor rules in the watchlist
 * @param orgs organisations in the watchlist
 * @param throughput mentions per second end to end: produced, divided by the time from the first produce until every
 *     stage had read its whole input
 * @param passThrough mentions per second through the pass-through baseline, NaN when not measured
 * @param p50Ms produce → matched latency, median, ms
 * @param p99Ms produce → matched, 99th percentile, ms
 * @param p999Ms produce → matched, 99.9th percentile, ms
 * @param alertP99Ms window close → alert, 99th percentile, ms; NaN without alerts
 * @param heapMb largest heap in use after a collection while the pipeline ran, MiB
 * @param cpuMicrosPerMention process CPU time per mention through every stage after the warm-up, µs
 * @param passThroughCpuMicrosPerMention process CPU time per mention while the baseline ran, µs; NaN when not measured
 * @param loadAverage the machine's one-minute load average at the end of the pipeline phase
 */
public record BenchResult(long mentions, int rules, int orgs, double throughput, double passThrough, double p50Ms,
    double p99Ms, double p999Ms, double alertP99Ms, double heapMb, double cpuMicrosPerMention,
    double passThroughCpuMicrosPerMention, double loadAverage) {

  /** Pipeline throughput as a fraction of the baseline's; NaN when the baseline was not measured. */
  public double ratio() {
    return passThrough > 0 ? throughput / passThrough : Double.NaN;
  }

  /** The closing JSON line: the keys first, then the CPU and load context; unmeasured figures are null. */
  public String toJson() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("mentions", mentions);
    fields.put("rules", rules);
    fields.put("orgs", orgs);
    fields.put("throughput", rounded(throughput, 0));
    fields.put("passthrough", rounded(passThrough, 0));
    fields.put("ratio", rounded(ratio(), 3));
    fields.put("p50_ms", rounded(p50Ms, 1));
    fields.put("p99_ms", rounded(p99Ms, 1));
    fields.put("p999_ms", rounded(p999Ms, 1));
    fields.put("alert_p99_ms", rounded(alertP99Ms, 0));
    fields.put("heap_mb", rounded(heapMb, 0));
    fields.put("cpu_us_per_mention", rounded(cpuMicrosPerMention, 1));
    fields.put("passthrough_cpu_us_per_mention", rounded(passThroughCpuMicrosPerMention, 1));
    fields.put("load_avg", rounded(loadAverage, 1));
    try {
      return Json.mapper().writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of numbers is always writable", e);
    }
  }

  private static Object rounded(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return null;
    }
    if (decimals == 0) {
      return Math.round(value);
    }
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
