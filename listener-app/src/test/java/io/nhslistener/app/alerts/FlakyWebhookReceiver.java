package io.nhslistener.app.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback as a careful integrator would write one: it checks the signature with its own HMAC
 * (not the listener's code) and the timestamp, answers 500 to the first {@code failures} attempts of each idempotency
 * key, then accepts, and records what it accepted per key. Thread-safe.
 */
final class FlakyWebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final byte[] secret;
  private final int failures;
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
  private final List<String> acceptedBodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger badSignatures = new AtomicInteger();

  /** @param failures attempts of each key answered 500 before one is accepted; -1 never accepts */
  FlakyWebhookReceiver(String secret, int failures) throws IOException {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.failures = failures;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Accepted deliveries per idempotency key. */
  Map<String, Integer> accepted() {
    return Map.copyOf(accepted);
  }

  List<String> acceptedBodies() {
    return List.copyOf(acceptedBodies);
  }

  int attempts() {
    return attempts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  int badSignatures() {
    return badSignatures.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String timestamp = exchange.getRequestHeaders().getFirst("X-Listener-Timestamp");
      String signature = exchange.getRequestHeaders().getFirst("X-Listener-Signature");
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      if (!signed(timestamp, signature, body) || key == null) {
        badSignatures.incrementAndGet();
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      if (failures < 0 || attempt <= failures) {
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      accepted.merge(key, 1, Integer::sum);
      acceptedBodies.add(new String(body, StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
    }
  }

  private boolean signed(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || !timestamp.matches("\\d+")) {
      return false;
    }
    // The listener signs with its clock, which a test moves by hours; a real receiver allows a few minutes.
    if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > Duration.ofDays(1).toSeconds()) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return signature.equals("v1=" + HexFormat.of().formatHex(mac.doFinal(body)));
    } catch (Exception e) {
      throw new IllegalStateException("HmacSHA256 is in every JDK", e);
    }
  }
}
