package io.nhslistener.ingest.runner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.Mention;
import io.nhslistener.ingest.source.Batch;
import io.nhslistener.ingest.source.HttpStatusException;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.testing.RunnerHarness;
import io.nhslistener.ingest.testing.ScriptedConnector;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestRunnerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private final RunnerHarness harness = new RunnerHarness("test-source", BackoffPolicy.DEFAULT);

  @AfterEach
  void stop() throws InterruptedException {
    harness.close();
  }

  private static Item.Post post(String id, String text, String handle) {
    return new Item.Post(Mention.builder(id, "mastodon", text, T0, T0).build(), handle);
  }

  @Test
  void commitsPrivateMentionsDeadLettersAndCursorInOneTransaction() {
    Batch batch = Batch.of(List.of(
        post("mastodon:h:1", "Ring me on 07700 900123 about ward 4", "alice@example.social"),
        new Item.Malformed("{\"id\":".getBytes(StandardCharsets.UTF_8), "not valid JSON at line 1 column 6"),
        post("mastodon:h:2", "Great care today", "bob@example.social")), "2");
    harness.start(new ScriptedConnector(true, batch));
    await().until(() -> harness.runner().state() == IngestRunner.State.FINISHED);

    List<Mention> mentions = harness.mentions();
    assertEquals(List.of("mastodon:h:1", "mastodon:h:2"), harness.mentionIds());
    assertEquals("Ring me on [phone] about ward 4", mentions.get(0).text());
    assertEquals("6140e6ffbed800f62c0ec67b04af43ef".length(), mentions.get(0).authorKey().length());
    assertEquals(RunnerHarness.PSEUDONYMISER.authorKey("mastodon", "alice@example.social"),
        mentions.get(0).authorKey());
    String everything = new String(harness.committed().stream().map(r -> new String(r.value(),
        StandardCharsets.UTF_8)).reduce("", String::concat));
    assertFalse(everything.contains("alice"), "no handle in any record");
    assertFalse(everything.contains("07700"), "no phone number in any record");

    DeadLetter letter = harness.deadLetters().get(0);
    assertEquals("ingest", letter.stage());
    assertEquals("test-source", letter.origin());
    assertTrue(letter.reason().startsWith("malformed: not valid JSON"));
    assertEquals("{\"id\":", new String(letter.value(), StandardCharsets.UTF_8));
    assertEquals("2", harness.lastCursor().orElseThrow());
    assertEquals(3, harness.counter("listener.ingest.fetched"));
    assertEquals(2, harness.counter("listener.ingest.produced"));
    assertEquals(1, harness.counter("listener.ingest.rejected"));
    assertEquals(1, harness.registry().get("listener.deadletters").tag("stage", "ingest").counter().count());
  }

  @Test
  void malformedPayloadsAreStoredRedacted() {
    harness.start(new ScriptedConnector(true, Batch.of(List.of(new Item.Malformed(
        "{\"text\":\"NHS 943 476 5919\"".getBytes(StandardCharsets.UTF_8), "truncated")), "1")));
    await().until(() -> harness.runner().state() == IngestRunner.State.FINISHED);
    assertEquals("{\"text\":\"NHS [nhs-number]\"",
        new String(harness.deadLetters().get(0).value(), StandardCharsets.UTF_8));
  }

  @Test
  void sourceFailureIsRetriedAfterBackoffFromTheCommittedPosition() {
    ScriptedConnector connector = new ScriptedConnector(true,
        Batch.of(List.of(post("x:1", "one", "a")), "1"),
        new ConnectException("refused"),
        Batch.of(List.of(post("x:2", "two", "a")), "2"));
    harness.start(connector);
    await().until(() -> harness.runner().state() == IngestRunner.State.FINISHED);
    assertEquals(List.of("x:1", "x:2"), harness.mentionIds());
    assertEquals(List.of("null", "1"), connector.seeks());
    assertEquals(1, harness.retries("network"));
    Duration wait = harness.sleeps().stream().filter(d -> d.toMillis() >= 100).findFirst().orElseThrow();
    assertTrue(wait.toMillis() >= 800 && wait.toMillis() <= 1000, "first network back-off ~1 s, was " + wait);
  }

  @Test
  void tooManyRequestsWaitsForRetryAfter() {
    harness.start(new ScriptedConnector(true, new HttpStatusException(429, Duration.ofSeconds(37), "/api"),
        Batch.of(List.of(post("x:1", "one", "a")), "1")));
    await().until(() -> harness.runner().state() == IngestRunner.State.FINISHED);
    assertTrue(harness.sleeps().contains(Duration.ofSeconds(37)), harness.sleeps().toString());
    assertEquals(1, harness.retries("rate-limited"));
    assertEquals(List.of("x:1"), harness.mentionIds());
  }

  @Test
  void clientErrorStopsTheSourceAndClosesIt() {
    ScriptedConnector connector = new ScriptedConnector(false, new HttpStatusException(401, null, "/api"));
    harness.start(connector);
    await().until(() -> harness.runner().state() == IngestRunner.State.FAILED);
    await().until(connector::closed);
    assertTrue(harness.mentions().isEmpty());
  }

  @Test
  void failedCommitReplacesTheProducerAndRereadsTheCursor() {
    Batch first = Batch.of(List.of(post("x:1", "one", "a")), "1");
    Batch second = Batch.of(List.of(post("x:2", "two", "a")), "2");
    ScriptedConnector connector = new ScriptedConnector(true, first, second);
    int[] created = {0};
    // The first producer commits the first batch, then fails on the second, which the source gives again.
    harness.start(connector, () -> created[0]++ == 0
        ? failingOnSecondCommit(() -> connector.replay(second))
        : new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()));
    await().until(() -> harness.runner().state() == IngestRunner.State.FINISHED);
    assertEquals(List.of("x:1", "x:2"), harness.mentionIds());
    assertEquals(List.of("null", "1"), connector.seeks());
    assertEquals(1, harness.retries("kafka"));
  }

  @Test
  void emptyBatchesCommitNothing() {
    harness.start(new ScriptedConnector(true, Batch.empty(Duration.ofSeconds(60))));
    await().until(() -> harness.runner().state() == IngestRunner.State.FINISHED);
    assertTrue(harness.committed().isEmpty());
    assertNull(harness.lastCursor().orElse(null));
  }

  @Test
  void redactedLeavesCleanPayloadsByteForByte() {
    byte[] payload = {(byte) 0xff, 0x00, 0x41};
    assertTrue(payload == IngestRunner.redacted(payload));
  }

  /** A producer whose second commit fails with a Kafka timeout (outcome unknown). */
  private static MockProducer<byte[], byte[]> failingOnSecondCommit(Runnable onFailure) {
    return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
      private int commits;

      @Override
      public synchronized void commitTransaction() {
        if (++commits == 2) {
          onFailure.run();
          throw new TimeoutException("commit timed out");
        }
        super.commitTransaction();
      }
    };
  }
}
