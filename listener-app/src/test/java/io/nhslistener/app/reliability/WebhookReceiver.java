package io.nhslistener.app.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a fixed loopback port that can go down and come back on the same port, like a real
 * integration's endpoint during a deployment. It accepts every POST that carries an {@code Idempotency-Key} and counts
 * accepted requests per key (no deduplication of its own: a second accepted request for a key is a second delivery).
 * Thread-safe.
 */
public final class WebhookReceiver implements AutoCloseable {
  private int port;
  private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
  private HttpServer server;

  /** Starts on {@code port} (0: any free port, kept for later restarts). */
  public WebhookReceiver(int port) {
    this.port = port;
    up();
  }

  /** Starts serving again on the same port. */
  public synchronized void up() {
    if (server != null) {
      return;
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the webhook receiver to port " + port, e);
    }
    server.createContext("/", this::handle);
    server.start();
    port = server.getAddress().getPort();
  }

  /** Stops serving: connections are refused until {@link #up()}. */
  public synchronized void down() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  public synchronized String url() {
    return "http://127.0.0.1:" + port + "/hook";
  }

  /** Accepted requests per idempotency key (the alert id). */
  public Map<String, Integer> accepted() {
    Map<String, Integer> copy = new ConcurrentHashMap<>();
    accepted.forEach((key, count) -> copy.put(key, count.get()));
    return Map.copyOf(copy);
  }

  @Override
  public void close() {
    down();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      if (!exchange.getRequestMethod().equals("POST") || key == null) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      exchange.sendResponseHeaders(204, -1);
    }
  }
}
