package io.nhslistener.ingest.x;

import static io.nhslistener.ingest.testing.Fixtures.xPost;
import static io.nhslistener.ingest.testing.LoopbackServer.openStream;
import static io.nhslistener.ingest.testing.LoopbackServer.respond;
import static io.nhslistener.ingest.testing.LoopbackServer.write;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Mention;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.testing.LoopbackServer;
import io.nhslistener.ingest.testing.RunnerHarness;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XStreamConnectorTest {
  private static final String STREAM = "/2/tweets/search/stream";
  private static final String RULES = "/2/tweets/search/stream/rules";
  private static final String NDJSON = "application/json";

  private LoopbackServer server;
  private final List<String> ruleChanges = new CopyOnWriteArrayList<>();
  private final RunnerHarness harness = new RunnerHarness("x-test", BackoffPolicy.X_DOCUMENTED);

  @BeforeEach
  void startServer() throws Exception {
    server = LoopbackServer.start();
    server.handle(RULES, (exchange, n) -> {
      if (exchange.getRequestMethod().equals("POST")) {
        ruleChanges.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        respond(exchange, 200, NDJSON, "{\"meta\":{\"sent\":\"2026-03-01T09:00:00Z\"}}", Map.of());
      } else {
        respond(exchange, 200, NDJSON, "{\"data\":[{\"id\":\"11\",\"value\":\"(\\\"old trust\\\")\",\"tag\":"
            + "\"nhs-listener\"},{\"id\":\"12\",\"value\":\"cats\",\"tag\":\"someone-else\"}],\"meta\":{}}", Map.of());
      }
    });
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
    server.close();
  }

  private XStreamConnector connector(int backfillMinutes) {
    return new XStreamConnector("x-test", server.uri(), "bearer-abc", List.of("Leeds Teaching Hospitals", "LTHT"),
        backfillMinutes, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  private static String line(String json) {
    return json + "\r\n";
  }

  @Test
  void postsArriveBetweenKeepAlivesAndRulesAreSynchronised() {
    server.handle(STREAM, (exchange, n) -> {
      OutputStream out = openStream(exchange, NDJSON);
      write(out, "\r\n");
      write(out, line("{\"data\":{\"id\":\"1001\",\"text\":\"Long wait at LTHT today\",\"author_id\":\"77\","
          + "\"created_at\":\"2026-03-01T09:00:00.000Z\",\"lang\":\"en\",\"referenced_tweets\":[{\"type\":"
          + "\"replied_to\",\"id\":\"1000\"}],\"public_metrics\":{\"like_count\":4,\"retweet_count\":1,"
          + "\"reply_count\":2,\"quote_count\":1}},\"matching_rules\":[{\"id\":\"13\",\"tag\":\"nhs-listener\"}]}"));
      write(out, "\r\n");
      write(out, line("{\"errors\":[{\"title\":\"operational-disconnect\",\"type\":\"about:blank\"}]}"));
      write(out, line(xPost("1002", "78", "Thank you Leeds Teaching Hospitals")));
      server.holdOpen();
    });
    harness.start(connector(0));
    harness.awaitMentions(2);

    Mention first = harness.mentions().get(0);
    assertEquals(List.of("x:1001", "x:1002"), harness.mentionIds());
    assertEquals("https://x.com/i/web/status/1001", first.url());
    assertEquals("x:1000", first.replyTo());
    assertEquals(4, first.engagement().likes());
    assertEquals(2, first.engagement().reposts());
    assertEquals(RunnerHarness.PSEUDONYMISER.authorKey("x", "77"), first.authorKey());
    assertEquals("Bearer bearer-abc", server.requests(STREAM + "?").get(0).header("Authorization"));
    assertEquals(List.of("{\"delete\":{\"ids\":[\"11\"]}}", "{\"add\":[{\"value\":\"(\\\"Leeds Teaching Hospitals\\\" OR "
        + "\\\"LTHT\\\")\",\"tag\":\"nhs-listener\"}]}"), ruleChanges);
  }

  @Test
  void malformedLineIsDeadLetteredAndTheStreamContinues() {
    server.handle(STREAM, (exchange, n) -> {
      OutputStream out = openStream(exchange, NDJSON);
      write(out, line(xPost("1001", "77", "one")));
      write(out, line("{\"data\":{\"id\":\"1002\",\"text\":"));
      write(out, line("{\"data\":{\"id\":\"1003\",\"text\":\"no date\"}}"));
      write(out, line(xPost("1004", "77", "four")));
      server.holdOpen();
    });
    harness.start(connector(0));
    harness.awaitMentions(2);
    await().until(() -> harness.deadLetters().size() == 2);
    assertEquals(List.of("x:1001", "x:1004"), harness.mentionIds());
    assertTrue(harness.deadLetters().get(1).reason().contains("created_at"));
    assertEquals(2, harness.counter("listener.ingest.rejected"));
  }

  @Test
  void droppedConnectionReconnectsWithBackfillAndDropsWhatWasCommitted() {
    server.handle(STREAM, (exchange, n) -> {
      OutputStream out = openStream(exchange, NDJSON);
      if (n == 1) {
        write(out, line(xPost("1001", "77", "one")));
        write(out, line(xPost("1002", "77", "two")));
        return;
      }
      write(out, line(xPost("1002", "77", "two")));
      write(out, line(xPost("1003", "77", "three")));
      server.holdOpen();
    });
    harness.start(connector(2));
    harness.awaitMentions(3);
    assertEquals(List.of("x:1001", "x:1002", "x:1003"), harness.mentionIds());
    assertTrue(server.requests(STREAM + "?").get(1).pathAndQuery().endsWith("&backfill_minutes=2"));
    assertTrue(server.requests(STREAM + "?").get(0).pathAndQuery().indexOf("backfill") < 0);
    Duration wait = harness.sleeps().stream().filter(d -> !d.isZero()).findFirst().orElseThrow();
    assertTrue(wait.toMillis() >= 200 && wait.toMillis() <= 250, "X: network back-off starts at 250 ms, was " + wait);
  }

  @Test
  void tooManyRequestsIsHonouredWithRetryAfter() {
    server.handle(STREAM, (exchange, n) -> {
      if (n == 1) {
        respond(exchange, 429, NDJSON, "{\"title\":\"Too Many Requests\"}", Map.of("Retry-After", "15"));
        return;
      }
      write(openStream(exchange, NDJSON), line(xPost("1001", "77", "one")));
      server.holdOpen();
    });
    harness.start(connector(0));
    harness.awaitMentions(1);
    assertTrue(harness.sleeps().contains(Duration.ofSeconds(15)), harness.sleeps().toString());
    assertEquals(1, harness.retries("rate-limited"));
  }

  @Test
  void restartResumesFromTheCommittedCursor() throws Exception {
    server.handle(STREAM, (exchange, n) -> {
      OutputStream out = openStream(exchange, NDJSON);
      if (n == 1) {
        write(out, line(xPost("1001", "77", "one")));
      } else {
        write(out, line(xPost("1001", "77", "one")));
        write(out, line(xPost("1002", "77", "two")));
      }
      server.holdOpen();
    });
    harness.start(connector(1));
    harness.awaitMentions(1);
    harness.stop();
    assertEquals("1001", harness.lastCursor().orElseThrow());

    harness.start(connector(1));
    harness.awaitMentions(2);
    assertEquals(List.of("x:1001", "x:1002"), harness.mentionIds());
    assertTrue(server.requests(STREAM + "?").get(1).pathAndQuery().endsWith("&backfill_minutes=1"));
  }
}
