package io.nhslistener.ingest.reddit;

import static io.nhslistener.ingest.testing.Fixtures.redditListing;
import static io.nhslistener.ingest.testing.Fixtures.redditSubmission;
import static io.nhslistener.ingest.testing.LoopbackServer.respond;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Mention;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.testing.LoopbackServer;
import io.nhslistener.ingest.testing.RunnerHarness;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedditConnectorTest {
  private static final String NEW = "/r/nhs/new";
  private static final String JSON = "application/json";

  private LoopbackServer server;
  private final RunnerHarness harness = new RunnerHarness("reddit-test", BackoffPolicy.DEFAULT);

  @BeforeEach
  void startServer() throws Exception {
    server = LoopbackServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    server.close();
  }

  private RedditConnector anonymous() {
    return new RedditConnector(List.of(NEW), server.uri(), URI.create(server.uri() + "/api/v1/access_token"), null,
        null, "nhs-listener-test/1.0", Duration.ofSeconds(60), HttpClient.newHttpClient(), Clock.systemUTC());
  }

  private static String page(String... ids) {
    String[] children = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      children[i] = redditSubmission(ids[i], "user_" + ids[i], "Post " + ids[i], 1_772_355_600L + i);
    }
    return redditListing(children);
  }

  @Test
  void newSubmissionsArriveOldestFirstWithOAuthAndRateLimits() {
    server.handle("/api/v1/access_token", (exchange, n) -> respond(exchange, 200, JSON,
        "{\"access_token\":\"tok-123\",\"token_type\":\"bearer\",\"expires_in\":86400,\"scope\":\"*\"}", Map.of()));
    server.handle(NEW, (exchange, n) -> respond(exchange, 200, JSON, n == 1 ? page("b2", "a1") : page(),
        Map.of("X-Ratelimit-Remaining", n == 1 ? "0" : "99", "X-Ratelimit-Reset", "120", "X-Ratelimit-Used", "100")));
    RedditConnector connector = new RedditConnector(List.of(NEW), server.uri(),
        URI.create(server.uri() + "/api/v1/access_token"), "client-id", "client-secret", "nhs-listener-test/1.0",
        Duration.ofSeconds(60), HttpClient.newHttpClient(), Clock.systemUTC());
    harness.start(connector);
    harness.awaitMentions(2);
    await().until(() -> server.requests(NEW).size() >= 2);

    assertEquals(List.of("reddit:t3_a1", "reddit:t3_b2"), harness.mentionIds());
    Mention first = harness.mentions().get(0);
    assertEquals("Post a1", first.text());
    assertEquals("https://www.reddit.com/r/nhs/comments/a1/post/", first.url());
    assertEquals(RunnerHarness.PSEUDONYMISER.authorKey("reddit", "user_a1"), first.authorKey());
    assertEquals("bearer tok-123", server.requests(NEW).get(0).header("Authorization"));
    assertEquals("Basic Y2xpZW50LWlkOmNsaWVudC1zZWNyZXQ=",
        server.requests("/api/v1/access_token").get(0).header("Authorization"));
    assertEquals(NEW + "?limit=100&raw_json=1&before=t3_b2", server.requests(NEW).get(1).pathAndQuery());
    assertTrue(harness.sleeps().contains(Duration.ofSeconds(120)), "waits for the rate-limit reset");
    assertEquals("{\"/r/nhs/new\":\"t3_b2\"}", harness.lastCursor().orElseThrow());
  }

  @Test
  void malformedChildIsDeadLetteredAndItsSiblingsArrive() {
    String broken = "{\"kind\":\"t3\",\"data\":{\"name\":\"t3_zz\",\"title\":\"no time\"}}";
    server.handle(NEW + ".json", (exchange, n) -> respond(exchange, 200, JSON, n == 1
        ? redditListing(redditSubmission("c3", "u", "three", 1_772_355_603L), broken,
            redditSubmission("a1", "u", "one", 1_772_355_601L))
        : page(), Map.of()));
    harness.start(anonymous());
    harness.awaitMentions(2);
    await().until(() -> harness.deadLetters().size() == 1);
    assertEquals(List.of("reddit:t3_a1", "reddit:t3_c3"), harness.mentionIds());
    assertTrue(harness.deadLetters().get(0).reason().contains("created_utc"));
    assertEquals(1, harness.counter("listener.ingest.rejected"));
  }

  @Test
  void droppedConnectionIsRetriedFromTheSamePlaceWithoutGap() {
    server.handle(NEW + ".json", (exchange, n) -> {
      switch (n) {
        case 1 -> respond(exchange, 200, JSON, page("a1"), Map.of());
        case 2 -> {
          exchange.sendResponseHeaders(200, 5000);
          OutputStream out = exchange.getResponseBody();
          out.write("{\"kind\":\"Listing\",".getBytes(StandardCharsets.UTF_8));
          out.flush();
          throw new IOException("dropped by test");
        }
        case 3 -> respond(exchange, 200, JSON, page("c3", "b2"), Map.of());
        default -> respond(exchange, 200, JSON, page(), Map.of());
      }
    });
    harness.start(anonymous());
    harness.awaitMentions(3);
    assertEquals(List.of("reddit:t3_a1", "reddit:t3_b2", "reddit:t3_c3"), harness.mentionIds());
    assertEquals(NEW + ".json?limit=100&raw_json=1&before=t3_a1", server.requests(NEW).get(2).pathAndQuery());
    assertEquals(1, harness.retries("network"));
  }

  @Test
  void tooManyRequestsIsHonouredWithRetryAfter() {
    server.handle(NEW + ".json", (exchange, n) -> {
      if (n == 1) {
        respond(exchange, 429, JSON, "{\"message\":\"Too Many Requests\",\"error\":429}", Map.of("Retry-After", "20"));
      } else {
        respond(exchange, 200, JSON, n == 2 ? page("a1") : page(), Map.of());
      }
    });
    harness.start(anonymous());
    harness.awaitMentions(1);
    assertTrue(harness.sleeps().contains(Duration.ofSeconds(20)), harness.sleeps().toString());
    assertEquals(1, harness.retries("rate-limited"));
  }

  @Test
  void restartResumesFromTheCommittedCursor() throws Exception {
    server.handle(NEW + ".json", (exchange, n) -> respond(exchange, 200, JSON, switch (n) {
      case 1 -> page("b2", "a1");
      case 3 -> page("c3");
      default -> page();
    }, Map.of()));
    harness.start(anonymous());
    harness.awaitMentions(2);
    await().until(() -> server.requests(NEW).size() >= 2);
    harness.stop();

    harness.start(anonymous());
    harness.awaitMentions(3);
    assertEquals(List.of("reddit:t3_a1", "reddit:t3_b2", "reddit:t3_c3"), harness.mentionIds());
    assertEquals(NEW + ".json?limit=100&raw_json=1&before=t3_b2", server.requests(NEW).get(2).pathAndQuery());
  }
}
