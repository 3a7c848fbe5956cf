package io.nhslistener.ingest.mastodon;

import static io.nhslistener.ingest.testing.Fixtures.mastodonStatus;
import static io.nhslistener.ingest.testing.LoopbackServer.openStream;
import static io.nhslistener.ingest.testing.LoopbackServer.respond;
import static io.nhslistener.ingest.testing.LoopbackServer.write;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Mention;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.testing.LoopbackServer;
import io.nhslistener.ingest.testing.RunnerHarness;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MastodonConnectorTest {
  private static final String STREAM = "/api/v1/streaming/hashtag";
  private static final String TIMELINE = "/api/v1/timelines/tag/nhs";
  private static final String SSE = "text/event-stream";

  private LoopbackServer server;
  private final RunnerHarness harness = new RunnerHarness("mastodon-test", BackoffPolicy.DEFAULT);

  @BeforeEach
  void startServer() throws Exception {
    server = LoopbackServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    server.close();
  }

  private MastodonConnector connector() {
    return new MastodonConnector("mastodon-test", server.uri(), MastodonConnector.Stream.HASHTAG, "nhs", "token-1",
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  private static String event(String type, String data) {
    return "event: " + type + "\ndata: " + data + "\n\n";
  }

  private static String update(String id) {
    return event("update", mastodonStatus(id, "alice", "<p>Post " + id + " about <a href=\"https://example.social/tags/nhs\" class=\"mention hashtag\">#<span>nhs</span></a></p>"));
  }

  @Test
  void statusesEditsAndDeletesBecomeMentions() {
    server.handle(STREAM, (exchange, n) -> {
      OutputStream out = openStream(exchange, SSE);
      write(out, ":thump\n\n");
      write(out, event("update", mastodonStatus("1001", "alice", "<p>Thanks <span class=\"h-card\"><a href=\"https://example.social/@ward\" class=\"u-url mention\">@<span>ward7</span></a></span> <a href=\"https://example.social/tags/nhs\">#<span>nhs</span></a> <a href=\"https://www.example.org/news/a\"><span class=\"invisible\">https://www.</span><span class=\"\">example.org/news/a</span></a></p><p>Second line</p>")));
      write(out, event("notification", "{\"id\":\"5\",\"type\":\"follow\"}"));
      write(out, event("status.update", mastodonStatus("1001", "alice", "<p>Edited</p>")));
      write(out, event("delete", "999"));
      server.holdOpen();
    });
    harness.start(connector());
    harness.awaitMentions(3);

    List<Mention> mentions = harness.mentions();
    String host = server.uri().getHost();
    assertEquals(List.of("mastodon:" + host + ":1001", "mastodon:" + host + ":1001", "mastodon:" + host + ":999"),
        harness.mentionIds());
    assertEquals("Thanks @ward7 #nhs https://www.example.org/news/a\nSecond line", mentions.get(0).text());
    assertEquals("en", mentions.get(0).lang());
    assertEquals(3, mentions.get(0).engagement().likes());
    assertEquals(RunnerHarness.PSEUDONYMISER.authorKey("mastodon", "alice@" + host), mentions.get(0).authorKey());
    assertEquals("Edited", mentions.get(1).text());
    assertTrue(mentions.get(2).retraction());
    assertEquals("Bearer token-1", server.requests(STREAM).get(0).header("Authorization"));
    assertEquals(STREAM + "?tag=nhs", server.requests(STREAM).get(0).pathAndQuery());
  }

  @Test
  void malformedEventIsDeadLetteredAndTheStreamContinues() {
    server.handle(STREAM, (exchange, n) -> {
      OutputStream out = openStream(exchange, SSE);
      write(out, update("1001"));
      write(out, event("update", "{\"id\":\"1002\",\"content\":"));
      write(out, event("update", "{\"id\":\"1003\"}"));
      write(out, update("1004"));
      server.holdOpen();
    });
    harness.start(connector());
    harness.awaitMentions(2);
    await().until(() -> harness.deadLetters().size() == 2);
    String host = server.uri().getHost();
    assertEquals(List.of("mastodon:" + host + ":1001", "mastodon:" + host + ":1004"), harness.mentionIds());
    assertTrue(harness.deadLetters().get(1).reason().contains("account"), harness.deadLetters().get(1).reason());
    assertEquals(2, harness.counter("listener.ingest.rejected"));
  }

  @Test
  void droppedConnectionIsResumedThroughTheTimelineWithoutGapOrRepeat() {
    server.handle(STREAM, (exchange, n) -> {
      OutputStream out = openStream(exchange, SSE);
      if (n == 1) {
        write(out, update("1001"));
        write(out, update("1002"));
        return; // dropped mid-stream
      }
      write(out, update("1004"));
      write(out, update("1005"));
      server.holdOpen();
    });
    server.handle(TIMELINE, (exchange, n) -> respond(exchange, 200, "application/json",
        "[" + mastodonStatus("1004", "bob", "<p>four</p>") + "," + mastodonStatus("1003", "bob", "<p>three</p>") + "]",
        Map.of()));
    harness.start(connector());
    harness.awaitMentions(5);
    String host = server.uri().getHost();
    assertEquals(List.of("1001", "1002", "1003", "1004", "1005").stream().map(id -> "mastodon:" + host + ":" + id)
        .toList(), harness.mentionIds());
    assertEquals(TIMELINE + "?limit=40&since_id=1002", server.requests(TIMELINE).get(0).pathAndQuery());
    assertEquals(1, harness.retries("network"));
  }

  @Test
  void tooManyRequestsIsHonouredWithRetryAfter() {
    server.handle(STREAM, (exchange, n) -> {
      if (n == 1) {
        respond(exchange, 429, "application/json", "{\"error\":\"Too many requests\"}", Map.of("Retry-After", "30"));
        return;
      }
      write(openStream(exchange, SSE), update("1001"));
      server.holdOpen();
    });
    harness.start(connector());
    harness.awaitMentions(1);
    assertTrue(harness.sleeps().contains(Duration.ofSeconds(30)), harness.sleeps().toString());
    assertEquals(1, harness.retries("rate-limited"));
  }

  @Test
  void restartResumesFromTheCommittedCursor() throws Exception {
    server.handle(STREAM, (exchange, n) -> {
      OutputStream out = openStream(exchange, SSE);
      write(out, update(n == 1 ? "1001" : "1004"));
      server.holdOpen();
    });
    server.handle(TIMELINE, (exchange, n) -> respond(exchange, 200, "application/json",
        "[" + mastodonStatus("1003", "bob", "<p>three</p>") + "," + mastodonStatus("1002", "bob", "<p>two</p>") + "]",
        Map.of()));
    harness.start(connector());
    harness.awaitMentions(1);
    harness.stop();
    assertTrue(server.requests(TIMELINE).isEmpty(), "a fresh start does not fill a gap");

    harness.start(connector());
    harness.awaitMentions(4);
    String host = server.uri().getHost();
    assertEquals(List.of("1001", "1002", "1003", "1004").stream().map(id -> "mastodon:" + host + ":" + id).toList(),
        harness.mentionIds());
    assertEquals(TIMELINE + "?limit=40&since_id=1001", server.requests(TIMELINE).get(0).pathAndQuery());
    assertFalse(harness.mentions().stream().anyMatch(m -> m.text().contains("alice")));
  }
}
