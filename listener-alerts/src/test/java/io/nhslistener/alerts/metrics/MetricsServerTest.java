package io.nhslistener.alerts.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.core.config.HostPort;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicBoolean deliveryUp = new AtomicBoolean(true);
  private final HttpClient client = HttpClient.newHttpClient();
  private MetricsServer server;

  @BeforeEach
  void start() {
    Counter.builder("listener.test.things").description("Things, for a test").tag("source", "rss").register(registry)
        .increment(3);
    Map<String, BooleanSupplier> probes = new LinkedHashMap<>();
    probes.put("delivery", deliveryUp::get);
    probes.put("broker", () -> true);
    server = MetricsServer.start(new HostPort("127.0.0.1", 0), registry, HealthCheck.of(probes));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  @Test
  void servesMetricsInPrometheusTextFormat() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertEquals(200, response.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    List<PrometheusText.Sample> samples = PrometheusText.parse(response.body());
    assertTrue(samples.contains(new PrometheusText.Sample("listener_test_things_total", Map.of("source", "rss"), 3.0)),
        response.body());
    assertTrue(response.body().contains("# HELP listener_test_things_total Things, for a test\n"), response.body());
  }

  @Test
  void healthIsUpOnlyWhenEveryComponentIs() throws Exception {
    HttpResponse<String> up = get("/health");
    assertEquals(200, up.statusCode());
    assertEquals("application/json", up.headers().firstValue("Content-Type").orElse(""));
    assertEquals("{\"status\":\"UP\",\"components\":{\"broker\":\"UP\",\"delivery\":\"UP\"}}\n", up.body());
    deliveryUp.set(false);
    HttpResponse<String> down = get("/health");
    assertEquals(503, down.statusCode());
    assertEquals("{\"status\":\"DOWN\",\"components\":{\"broker\":\"UP\",\"delivery\":\"DOWN\"}}\n", down.body());
  }

  @Test
  void aThrowingProbeIsDownNotAnError() {
    Health health = HealthCheck.of(Map.of("streams", () -> {
      throw new IllegalStateException("not started");
    })).check();
    assertEquals(Map.of("streams", false), health.components());
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    assertEquals(404, get("/").statusCode());
    assertEquals(404, get("/metrics/extra").statusCode());
    assertEquals(404, get("/metricsx").statusCode());
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(url("/metrics"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
  }

  @Test
  void aTakenAddressFailsNamingIt() {
    HostPort taken = new HostPort("127.0.0.1", server.address().getPort());
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> MetricsServer.start(taken, registry, HealthCheck.of(Map.of())));
    assertTrue(e.getMessage().contains("127.0.0.1:" + taken.port()), e.getMessage());
  }
}
