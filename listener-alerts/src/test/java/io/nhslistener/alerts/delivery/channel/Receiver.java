package io.nhslistener.alerts.delivery.channel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP(S) receiver on loopback for tests: records every request and answers with whatever the test's responder
 * says. Thread-safe.
 */
public final class Receiver implements AutoCloseable {
  /** One received request. */
  public record Request(String method, String path, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * An answer: status, body and extra headers; or, with {@code endless} set, a chunked body of that many bytes written
   * until the client stops reading.
   */
  public record Reply(int status, byte[] body, Map<String, String> headers, long endless) {
    public Reply(int status, byte[] body, Map<String, String> headers) {
      this(status, body, headers, 0);
    }

    public static Reply of(int status, String body) {
      return new Reply(status, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong streamed = new AtomicLong();
  private final AtomicBoolean hungUp = new AtomicBoolean();
  private volatile Function<Request, Reply> responder = request -> Reply.of(200, "ok");

  private Receiver(HttpServer server) {
    this.server = server;
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  /** A plain-HTTP receiver. */
  public static Receiver http() throws IOException {
    return new Receiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
  }

  /** An HTTPS receiver presenting the certificate of {@code tls}. */
  public static Receiver https(SSLContext tls) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new Receiver(server);
  }

  /** Sets how requests are answered from now on. */
  public void respond(Function<Request, Reply> responder) {
    this.responder = responder;
  }

  public URI url(String path) {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Bytes of endless bodies written so far. */
  public long streamed() {
    return streamed.get();
  }

  /** True once a client stopped an endless body by closing the connection. */
  public boolean clientHungUp() {
    return hungUp.get();
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void stream(HttpExchange exchange, Reply reply) throws IOException {
    exchange.sendResponseHeaders(reply.status(), 0);
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    try (OutputStream out = exchange.getResponseBody()) {
      while (streamed.get() < reply.endless()) {
        out.write(chunk);
        streamed.addAndGet(chunk.length);
      }
    } catch (IOException e) {
      // The client hung up, which is what a capped reader does.
      hungUp.set(true);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((name, values) ->
          headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
          exchange.getRequestBody().readAllBytes());
      requests.add(request);
      Reply reply = responder.apply(request);
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      if (reply.endless() > 0) {
        stream(exchange, reply);
        return;
      }
      exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      if (reply.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }
}
