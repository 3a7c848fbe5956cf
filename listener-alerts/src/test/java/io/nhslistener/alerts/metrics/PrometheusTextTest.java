package io.nhslistener.alerts.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker used on scrapes must itself accept the format and reject what is not the format. */
class PrometheusTextTest {
  @Test
  void acceptsTheFormat() {
    List<PrometheusText.Sample> samples = PrometheusText.parse("""
        # HELP http_requests_total The total number of HTTP requests, with a \\\\ and a \\n.
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027 1395066363000
        http_requests_total{method="post",code="400"} 3 1395066363000
        # A comment
        # TYPE latency_seconds histogram
        latency_seconds_bucket{le="0.05"} 24054
        latency_seconds_bucket{le="+Inf"} 144320
        latency_seconds_sum 53423
        latency_seconds_count 144320
        escaped{path="C:\\\\dir\\\\",quote="say \\"hi\\"",nl="a\\nb"} -Inf
        no_labels 1.5e-3
        nan_value NaN
        """);
    assertEquals(9, samples.size());
    assertEquals(Map.of("path", "C:\\dir\\", "quote", "say \"hi\"", "nl", "a\nb"), samples.get(6).labels());
    assertEquals(0.0015, samples.get(7).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1bad_name 1\n",
      "good{1bad=\"x\"} 1\n",
      "good{a=x} 1\n",
      "good{a=\"x} 1\n",
      "good{a=\"\\t\"} 1\n",
      "good{a=\"x\",a=\"y\"} 1\n",
      "good{a=\"x\"}1\n",
      "good one\n",
      "good 1 soon\n",
      "good 1\ngood 2\n",
      "# TYPE good counter\n# TYPE good gauge\ngood 1\n",
      "good 1\n# TYPE good counter\n",
      "# TYPE good histogram\ngood_bucket 1\n",
      "# HELP good a \\t escape\n",
      "# TYPE good kind\n",
      "good 1\n\n",
      "good 1",
  })
  void rejectsWhatIsNotTheFormat(String text) {
    assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(text));
  }
}
