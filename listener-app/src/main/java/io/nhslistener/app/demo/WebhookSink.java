package io.nhslistener.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nhslistener.alerts.delivery.channel.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's stand-in for a comms team's webhook receiver, on loopback: it checks each delivery's signature and
 * timestamp as a real receiver should, appends what it received to a file, and counts deliveries per idempotency key
 * so the demo (and its test) can show that every alert arrived exactly once. Thread-safe.
 */
public final class WebhookSink implements AutoCloseable {
  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final HttpServer server;
  private final WebhookSignature signature;
  private final Path file;
  private final Clock clock;
  private final Map<String, Integer> deliveriesByKey = new LinkedHashMap<>();
  private final List<String> rejected = new ArrayList<>();

  private WebhookSink(HttpServer server, WebhookSignature signature, Path file, Clock clock) {
    this.server = server;
    this.signature = signature;
    this.file = file;
    this.clock = clock;
  }

  /**
   * Starts a sink on a free loopback port, writing to {@code file} (appending).
   *
   * @param secret the webhook route's signing secret
   */
  public static WebhookSink start(String secret, Path file, Clock clock) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookSink sink = new WebhookSink(server, new WebhookSignature(secret), file, clock);
      server.createContext("/", sink::handle);
      server.start();
      return sink;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo webhook sink", e);
    }
  }

  /** The URL to configure as the webhook route. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/comms");
  }

  /** The file deliveries are appended to. */
  public Path file() {
    return file;
  }

  /** Accepted deliveries per idempotency key (alert id), in arrival order. */
  public synchronized Map<String, Integer> deliveriesByKey() {
    return Map.copyOf(deliveriesByKey);
  }

  /** Requests refused for a bad signature or timestamp. */
  public synchronized List<String> rejected() {
    return List.copyOf(rejected);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES);
      String key = exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER);
      boolean valid = key != null && signature.verify(
          exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
          exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body, clock.instant(), TOLERANCE);
      if (!valid) {
        synchronized (this) {
          rejected.add(key == null ? "(no idempotency key)" : key);
        }
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      record(key, body);
      exchange.sendResponseHeaders(204, -1);
    }
  }

  private synchronized void record(String key, byte[] body) throws IOException {
    deliveriesByKey.merge(key, 1, Integer::sum);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      writer.write(new String(body, StandardCharsets.UTF_8).replace('\n', ' '));
      writer.write('\n');
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
