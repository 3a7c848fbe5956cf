package io.nhslistener.alerts.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.core.config.HostPort;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} (Prometheus text format 0.0.4) and {@code GET /health} (JSON, 200 when up, 503 when not) on the
 * JDK's HTTP server. Other paths answer 404, other methods 405. Two daemon threads serve requests: a scrape every few
 * seconds and a health probe need no more. Binds to loopback by default ({@code metrics.address}); expose it
 * deliberately.
 */
public final class MetricsServer implements AutoCloseable {
  /** The content type of Prometheus text format 0.0.4. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
  private static final int BACKLOG = 16;

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving at {@code address} (port 0 picks a free port; see {@link #address()}).
   *
   * @throws UncheckedIOException when the address cannot be bound, naming it
   */
  public static MetricsServer start(HostPort address, PrometheusMeterRegistry registry, HealthCheck health) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address.host(), address.port()), BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + address + " (metrics.address): " + e.getMessage(),
          e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(2, daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      try (exchange) {
        route(exchange, registry, health);
      }
    });
    server.start();
    MetricsServer started = new MetricsServer(server, executor);
    LOG.info("metrics and health on http://{}/metrics and /health", started.address());
    return started;
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static void route(HttpExchange exchange, PrometheusMeterRegistry registry, HealthCheck health)
      throws IOException {
    String path = exchange.getRequestURI().getPath();
    boolean known = path.equals("/metrics") || path.equals("/health");
    if (!known) {
      respond(exchange, 404, "text/plain; charset=utf-8", "not found; try /metrics or /health\n");
    } else if (!exchange.getRequestMethod().equals("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET");
      respond(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
    } else if (path.equals("/metrics")) {
      respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
    } else {
      Health state = health.check();
      respond(exchange, state.up() ? 200 : 503, "application/json", state.toJson() + "\n");
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "metrics-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
