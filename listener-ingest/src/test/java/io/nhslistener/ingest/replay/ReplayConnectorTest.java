package io.nhslistener.ingest.replay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.ingest.format.PayloadFormat;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.runner.IngestRunner;
import io.nhslistener.ingest.source.Batch;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.testing.MutableClock;
import io.nhslistener.ingest.testing.RunnerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayConnectorTest {
  private static final Instant RECORDED = Instant.parse("2025-06-01T12:00:00Z");
  private static final JsonSerde<Mention> SERDE = new JsonSerde<>(Mention.class);

  @TempDir
  Path dir;

  private final RunnerHarness harness = new RunnerHarness("replay-test", BackoffPolicy.DEFAULT);

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private Path mentions(int count, String... extraLines) throws Exception {
    List<String> lines = new ArrayList<>();
    IntStream.range(0, count).forEach(i -> lines.add(SERDE.toJson(Mention.builder("mastodon:h:" + i, "mastodon",
        "post " + i, RECORDED.plusSeconds(i * 10L), RECORDED).authorKey("key" + i).build())));
    lines.addAll(1, List.of(extraLines));
    Path file = dir.resolve("mentions.jsonl");
    Files.write(file, lines);
    return file;
  }

  @Test
  void replaysEveryMentionAtFullSpeedAndFinishes() throws Exception {
    harness.start(ReplayConnector.builder(mentions(5), PayloadFormat.MENTION).batchSize(2).build());
    await().until(() -> harness.runner().state() == IngestRunner.State.FINISHED);
    assertEquals(List.of("mastodon:h:0", "mastodon:h:1", "mastodon:h:2", "mastodon:h:3", "mastodon:h:4"),
        harness.mentionIds());
    assertEquals("key3", harness.mentions().get(3).authorKey(), "already pseudonymised keys are kept");
    assertEquals(RECORDED.plusSeconds(30), harness.mentions().get(3).createdAt(), "original times by default");
    assertEquals("5", harness.lastCursor().orElseThrow());
  }

  @Test
  void malformedLineIsDeadLetteredAndTheReplayContinues() throws Exception {
    harness.start(ReplayConnector.builder(mentions(3, "{\"v\":1,\"id\":\"x\"}", "not json"), PayloadFormat.MENTION)
        .build());
    await().until(() -> harness.runner().state() == IngestRunner.State.FINISHED);
    assertEquals(3, harness.mentions().size());
    assertEquals(2, harness.deadLetters().size());
    assertTrue(harness.deadLetters().get(0).reason().contains("Mention.source"), harness.deadLetters().get(0).reason());
    assertEquals(2, harness.counter("listener.ingest.rejected"));
  }

  @Test
  void restartResumesAfterTheCommittedItems() throws Exception {
    Path file = mentions(6);
    ReplayConnector replay = ReplayConnector.builder(file, PayloadFormat.MENTION).batchSize(1).build();
    replay.seek("4");
    Batch batch = replay.poll();
    assertEquals(List.of("mastodon:h:4"), batch.items().stream()
        .map(item -> ((Item.Post) item).mention().id()).toList());
    assertEquals("5", batch.position());
  }

  @Test
  void pacedReplayShiftedToNowFollowsTheRecordedTimeline() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    ReplayConnector replay = ReplayConnector.builder(mentions(3), PayloadFormat.MENTION).speed(10).shiftToNow(true)
        .clock(clock).build();
    replay.seek(null);

    Batch first = replay.poll();
    assertEquals(1, first.items().size());
    Mention mention = ((Item.Post) first.items().get(0)).mention();
    assertEquals(clock.instant(), mention.createdAt(), "the first post happens now");
    assertEquals(Duration.ofMillis(500), first.pause(), "the next post is due in 1 s, waits are capped at 500 ms");

    clock.advance(Duration.ofSeconds(1));
    Batch second = replay.poll();
    Mention next = ((Item.Post) second.items().get(0)).mention();
    assertEquals(Instant.parse("2026-03-01T09:00:10Z"), next.createdAt(), "10 s recorded gap kept in event time");
    assertEquals(clock.instant(), next.ingestedAt());
    assertFalse(replay.finished());
  }

  @Test
  void wireFormatsReplayThroughTheirParsers() throws Exception {
    Path file = dir.resolve("x.ndjson");
    Files.writeString(file, "{\"data\":{\"id\":\"5\",\"text\":\"hi\",\"author_id\":\"1\",\"created_at\":"
        + "\"2026-03-01T09:00:00.000Z\"}}\r\n\r\n");
    harness.start(ReplayConnector.builder(file, PayloadFormat.X_STREAM).build());
    await().until(() -> harness.runner().state() == IngestRunner.State.FINISHED);
    assertEquals(List.of("x:5"), harness.mentionIds());
  }
}
