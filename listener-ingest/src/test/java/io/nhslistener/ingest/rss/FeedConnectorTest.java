package io.nhslistener.ingest.rss;

import static io.nhslistener.ingest.testing.Fixtures.rss;
import static io.nhslistener.ingest.testing.LoopbackServer.respond;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.nhslistener.core.model.Mention;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.testing.LoopbackServer;
import io.nhslistener.ingest.testing.RunnerHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedConnectorTest {
  private static final String FEED = "/news/feed.xml";
  private static final String XML = "application/rss+xml";

  private LoopbackServer server;
  private final RunnerHarness harness = new RunnerHarness("rss-test", BackoffPolicy.DEFAULT);

  @BeforeEach
  void startServer() throws Exception {
    server = LoopbackServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    server.close();
  }

  private FeedConnector connector() {
    return new FeedConnector(List.of(URI.create(server.uri() + FEED)), Duration.ofMinutes(5), "nhs-listener-test/1.0",
        HttpClient.newHttpClient(), Clock.systemUTC());
  }

  /** Answers 304 to a request carrying the current ETag, like a well-behaved feed server. */
  private static void conditional(HttpExchange exchange, String etag, String body) throws IOException {
    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      respond(exchange, 304, XML, "", Map.of("ETag", etag));
    } else {
      respond(exchange, 200, XML, body, Map.of("ETag", etag, "Last-Modified", "Sun, 01 Mar 2026 09:00:00 GMT"));
    }
  }

  @Test
  void newEntriesArriveOnceUsingConditionalRequests() {
    server.handle(FEED, (exchange, n) -> {
      if (n <= 2) {
        conditional(exchange, "\"v1\"", rss("story-1", "Hospital opens new ward", "story-2", "Clinic moves"));
      } else {
        conditional(exchange, "\"v2\"", rss("story-3", "Consultation launched", "story-1", "Hospital opens new ward",
            "story-2", "Clinic moves"));
      }
    });
    harness.start(connector());
    harness.awaitMentions(3);

    assertEquals(List.of("rss:story-1", "rss:story-2", "rss:story-3"), harness.mentionIds());
    Mention first = harness.mentions().get(0);
    assertEquals("Hospital opens new ward\n\nStory text", first.text());
    assertEquals("https://news.example.org/story-1", first.url());
    assertEquals("en", first.lang());
    assertEquals(Instant.parse("2026-03-01T09:00:00Z"), first.createdAt());
    assertEquals(RunnerHarness.PSEUDONYMISER.authorKey("rss", "desk@news.example.org (News Desk)"),
        first.authorKey());
    List<LoopbackServer.Request> requests = server.requests(FEED);
    assertNull(requests.get(0).header("If-None-Match"));
    assertEquals("\"v1\"", requests.get(1).header("If-None-Match"));
    assertEquals("Sun, 01 Mar 2026 09:00:00 GMT", requests.get(1).header("If-Modified-Since"));
    assertTrue(harness.sleeps().contains(Duration.ofMinutes(5)), "polls every five minutes");
  }

  @Test
  void malformedFeedIsDeadLetteredAndPollingContinues() {
    server.handle(FEED, (exchange, n) -> {
      if (n == 1) {
        respond(exchange, 200, XML, "<html><body>Service unavailable</body", Map.of());
      } else {
        conditional(exchange, "\"v1\"", rss("story-1", "Hospital opens new ward"));
      }
    });
    harness.start(connector());
    harness.awaitMentions(1);
    await().until(() -> harness.deadLetters().size() == 1);
    assertEquals("<html><body>Service unavailable</body",
        new String(harness.deadLetters().get(0).value(), StandardCharsets.UTF_8));
    assertEquals(1, harness.counter("listener.ingest.rejected"));
  }

  @Test
  void droppedConnectionIsRetriedWithoutGap() {
    server.handle(FEED, (exchange, n) -> {
      if (n == 1) {
        exchange.sendResponseHeaders(200, 10_000);
        exchange.getResponseBody().write("<?xml version=\"1.0\"?><rss".getBytes(StandardCharsets.UTF_8));
        throw new IOException("dropped by test");
      }
      conditional(exchange, "\"v1\"", rss("story-1", "Hospital opens new ward", "story-2", "Clinic moves"));
    });
    harness.start(connector());
    harness.awaitMentions(2);
    assertEquals(List.of("rss:story-1", "rss:story-2"), harness.mentionIds());
    assertEquals(1, harness.retries("network"));
  }

  @Test
  void tooManyRequestsIsHonouredWithRetryAfter() {
    server.handle(FEED, (exchange, n) -> {
      if (n == 1) {
        respond(exchange, 429, "text/plain", "slow down", Map.of("Retry-After", "600"));
      } else {
        conditional(exchange, "\"v1\"", rss("story-1", "Hospital opens new ward"));
      }
    });
    harness.start(connector());
    harness.awaitMentions(1);
    assertTrue(harness.sleeps().contains(Duration.ofMinutes(10)), harness.sleeps().toString());
  }

  @Test
  void restartResumesWithTheCommittedValidatorsAndSeenEntries() throws Exception {
    server.handle(FEED, (exchange, n) -> {
      if (n == 1) {
        conditional(exchange, "\"v1\"", rss("story-1", "Hospital opens new ward"));
      } else {
        conditional(exchange, "\"v2\"", rss("story-2", "Clinic moves", "story-1", "Hospital opens new ward"));
      }
    });
    harness.start(connector());
    harness.awaitMentions(1);
    harness.stop();

    harness.start(connector());
    harness.awaitMentions(2);
    assertEquals(List.of("rss:story-1", "rss:story-2"), harness.mentionIds());
    assertEquals("\"v1\"", server.requests(FEED).get(1).header("If-None-Match"));
  }
}
