package io.nhslistener.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server on a free loopback port, speaking whatever the test's handlers write: JSON, feeds, server-sent
 * events or NDJSON streams (chunked, flushed as written). Records every request line and its headers.
 */
public final class LoopbackServer implements AutoCloseable {
  /** Answers the {@code n}-th request (from 1) to a path. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange, int n) throws IOException, InterruptedException;
  }

  /** One request as received. */
  public record Request(String method, String pathAndQuery, Map<String, List<String>> headers) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private LoopbackServer(HttpServer server) {
    this.server = server;
  }

  public static LoopbackServer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LoopbackServer loopback = new LoopbackServer(server);
    server.setExecutor(loopback.executor);
    server.start();
    return loopback;
  }

  public void handle(String path, Handler handler) {
    AtomicInteger count = new AtomicInteger();
    server.createContext(path, exchange -> {
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
          Map.copyOf(exchange.getRequestHeaders())));
      try {
        handler.handle(exchange, count.incrementAndGet());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // The client went away mid-response: what a dropped connection looks like from here.
      } finally {
        exchange.close();
      }
    });
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests whose path starts with {@code prefix}. */
  public List<Request> requests(String prefix) {
    return requests.stream().filter(r -> r.pathAndQuery().startsWith(prefix)).toList();
  }

  /** Writes a whole response. */
  public static void respond(HttpExchange exchange, int status, String contentType, String body,
      Map<String, String> headers) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(status, status == 304 ? -1 : bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0 && status != 304) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Starts a streamed (chunked) 200 response. */
  public static OutputStream openStream(HttpExchange exchange, String contentType) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(200, 0);
    return exchange.getResponseBody();
  }

  /** Writes text to a stream and flushes it to the client at once. */
  public static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Keeps a streamed response open until the server closes (the connector then sees a live, idle stream). */
  public void holdOpen() throws InterruptedException {
    closing.await();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
