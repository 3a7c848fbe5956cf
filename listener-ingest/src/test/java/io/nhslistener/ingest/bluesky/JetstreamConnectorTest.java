package io.nhslistener.ingest.bluesky;

import static io.nhslistener.ingest.testing.Fixtures.jetstreamPost;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Mention;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.testing.FakeJetstream;
import io.nhslistener.ingest.testing.FakeJetstream.Frame;
import io.nhslistener.ingest.testing.LoopbackServer;
import io.nhslistener.ingest.testing.RunnerHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JetstreamConnectorTest {
  private static final String DID = "did:plc:testauthor0000000000000";
  private static final long T0 = 1_772_355_600_000_000L;

  private final RunnerHarness harness = new RunnerHarness("bluesky-test", BackoffPolicy.DEFAULT);
  private FakeJetstream jetstream;

  @AfterEach
  void stop() throws Exception {
    harness.close();
    if (jetstream != null) {
      jetstream.stop(1000);
    }
  }

  private void serve(List<Frame> timeline, FakeJetstream.Script script) {
    serve(timeline, script, true);
  }

  private void serve(List<Frame> timeline, FakeJetstream.Script script, boolean dropAtLimit) {
    jetstream = new FakeJetstream(timeline, script, dropAtLimit);
    jetstream.start();
    await().until(() -> jetstream.getPort() > 0);
  }

  private JetstreamConnector connector(URI endpoint) {
    return new JetstreamConnector("bluesky-test", endpoint, Duration.ofSeconds(2), HttpClient.newHttpClient(),
        Duration.ofSeconds(30), Clock.systemUTC());
  }

  private static List<Frame> posts(int count) {
    return LongStream.rangeClosed(1, count)
        .mapToObj(i -> new Frame(T0 + i * 1000, jetstreamPost(DID, T0 + i * 1000, "rk" + i, "post " + i)))
        .toList();
  }

  private static List<String> ids(int from, int to) {
    return LongStream.rangeClosed(from, to)
        .mapToObj(i -> "bluesky:at://" + DID + "/app.bsky.feed.post/rk" + i).toList();
  }

  @Test
  void postsRepostsAndDeletesBecomeMentions() {
    List<Frame> timeline = new ArrayList<>(posts(1));
    timeline.add(new Frame(T0 + 2000, "{\"did\":\"" + DID + "\",\"time_us\":" + (T0 + 2000) + ",\"kind\":\"commit\","
        + "\"commit\":{\"rev\":\"r2\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"rk2\","
        + "\"record\":{\"text\":\"Agree with this\",\"langs\":[\"en\",\"cy\"],\"createdAt\":\"2026-03-01T09:00:02Z\","
        + "\"reply\":{\"root\":{\"uri\":\"at://" + DID + "/app.bsky.feed.post/rk1\"},\"parent\":{\"uri\":\"at://" + DID
        + "/app.bsky.feed.post/rk1\"}},\"embed\":{\"$type\":\"app.bsky.embed.record\",\"record\":{\"uri\":"
        + "\"at://did:plc:other/app.bsky.feed.post/q1\"}}}}}"));
    timeline.add(new Frame(T0 + 3000, "{\"did\":\"did:plc:booster\",\"time_us\":" + (T0 + 3000) + ",\"kind\":"
        + "\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.repost\",\"rkey\":\"rp1\","
        + "\"record\":{\"createdAt\":\"2026-03-01T09:00:03Z\",\"subject\":{\"uri\":\"at://" + DID
        + "/app.bsky.feed.post/rk1\",\"cid\":\"bafy\"}}}}"));
    timeline.add(new Frame(T0 + 3500, "{\"did\":\"" + DID + "\",\"time_us\":" + (T0 + 3500)
        + ",\"kind\":\"identity\",\"identity\":{\"did\":\"" + DID + "\"}}"));
    timeline.add(new Frame(T0 + 4000, "{\"did\":\"" + DID + "\",\"time_us\":" + (T0 + 4000) + ",\"kind\":\"commit\","
        + "\"commit\":{\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"rk1\"}}"));
    serve(timeline, n -> -1);
    harness.start(connector(jetstream.uri()));
    harness.awaitMentions(4);

    List<Mention> mentions = harness.mentions();
    Mention first = mentions.get(0);
    assertEquals(ids(1, 1).get(0), first.id());
    assertEquals("https://bsky.app/profile/" + DID + "/post/rk1", first.url());
    assertEquals("en", first.lang());
    assertEquals(RunnerHarness.PSEUDONYMISER.authorKey("bluesky", DID), first.authorKey());
    Mention reply = mentions.get(1);
    assertEquals(first.id(), reply.replyTo());
    assertEquals("bluesky:at://did:plc:other/app.bsky.feed.post/q1", reply.quoteOf());
    Mention repost = mentions.get(2);
    assertEquals(first.id(), repost.repostOf());
    assertEquals("", repost.text());
    Mention retraction = mentions.get(3);
    assertEquals(first.id(), retraction.id());
    assertTrue(retraction.retraction());
    assertEquals("wantedCollections=app.bsky.feed.post&wantedCollections=app.bsky.feed.repost",
        jetstream.resources().get(0).substring(jetstream.resources().get(0).indexOf('?') + 1));
    assertEquals(Long.toString(T0 + 4000), harness.lastCursor().orElseThrow());
  }

  @Test
  void malformedFrameIsDeadLetteredAndTheStreamContinues() {
    List<Frame> timeline = new ArrayList<>(posts(3));
    timeline.add(1, new Frame(0, "{\"did\":\"" + DID + "\",\"time_us\":"));
    timeline.add(2, new Frame(T0 + 1500, "{\"did\":\"" + DID + "\",\"time_us\":" + (T0 + 1500) + ",\"kind\":\"commit\","
        + "\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"bad\",\"record\":{}}}"));
    serve(timeline, n -> -1);
    harness.start(connector(jetstream.uri()));
    harness.awaitMentions(3);
    await().until(() -> harness.deadLetters().size() == 2);
    assertEquals(ids(1, 3), harness.mentionIds());
    assertTrue(harness.deadLetters().get(1).reason().contains("commit.record.text"));
    assertEquals(2, harness.counter("listener.ingest.rejected"));
  }

  @Test
  void droppedConnectionResumesFromTheCursorMinusTheMarginWithoutRepeats() {
    serve(posts(10), n -> n == 1 ? 4 : -1);
    harness.start(connector(jetstream.uri()));
    harness.awaitMentions(10);
    assertEquals(ids(1, 10), harness.mentionIds());
    String second = jetstream.resources().get(1);
    assertTrue(second.endsWith("&cursor=" + (T0 + 4000 - 2_000_000)), second);
    assertEquals(1, harness.retries("network"));
  }

  @Test
  void tooManyRequestsAtTheHandshakeIsHonoured() throws Exception {
    try (LoopbackServer busy = LoopbackServer.start()) {
      busy.handle("/subscribe", (exchange, n) -> LoopbackServer.respond(exchange, 429, "text/plain", "slow down",
          Map.of("Retry-After", "45")));
      harness.start(connector(URI.create("ws://127.0.0.1:" + busy.uri().getPort() + "/subscribe")));
      await().until(() -> harness.sleeps().contains(Duration.ofSeconds(45)));
      assertTrue(harness.retries("rate-limited") >= 1);
      assertTrue(harness.mentions().isEmpty());
    }
  }

  @Test
  void restartResumesFromTheCommittedCursor() throws Exception {
    serve(posts(6), n -> n == 1 ? 3 : -1, false);
    JetstreamConnector first = connector(jetstream.uri());
    harness.start(first);
    harness.awaitMentions(3);
    harness.stop();
    assertEquals(Long.toString(T0 + 3000), harness.lastCursor().orElseThrow());

    harness.start(connector(jetstream.uri()));
    harness.awaitMentions(6);
    assertEquals(ids(1, 6), harness.mentionIds());
    assertNull(harness.mentions().get(5).replyTo());
  }
}
