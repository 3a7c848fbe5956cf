package io.nhslistener.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.ingest.testing.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoundedRequestsTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private LoopbackServer server;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(server.uri().resolve(path)).GET().build();
  }

  @Test
  void aCompleteAnswerWithinTheLimitsIsReturned() throws Exception {
    server.handle("/ok", (exchange, n) -> LoopbackServer.respond(exchange, 200, "application/json", "[1,2,3]",
        Map.of()));
    var response = BoundedRequests.send(http, get("/ok"), Duration.ofSeconds(30), 1024);
    assertEquals(200, response.statusCode());
    assertEquals("[1,2,3]", new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  void anAnswerLargerThanTheCapFailsInsteadOfFillingTheHeap() {
    server.handle("/big", (exchange, n) -> {
      try (OutputStream out = LoopbackServer.openStream(exchange, "application/json")) {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 64; i++) {
          out.write(chunk);
        }
      }
    });
    IOException e = assertThrows(IOException.class,
        () -> BoundedRequests.send(http, get("/big"), Duration.ofSeconds(30), 1024 * 1024));
    assertTrue(e.getMessage().contains("larger than 1048576 bytes"), e.getMessage());
  }

  @Test
  void anAnswerThatStallsMidBodyTimesOutAtTheDeadline() {
    server.handle("/stall", (exchange, n) -> {
      OutputStream out = LoopbackServer.openStream(exchange, "application/json");
      LoopbackServer.write(out, "[1,");
      server.holdOpen();
    });
    long start = System.nanoTime();
    assertThrows(HttpTimeoutException.class,
        () -> BoundedRequests.send(http, get("/stall"), Duration.ofSeconds(1), 1024));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took);
  }
}
