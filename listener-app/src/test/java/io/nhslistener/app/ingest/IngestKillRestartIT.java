package io.nhslistener.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.app.broker.KafkaTestClients;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.SourceCursor;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 2 (and 4 for log lines) of issue 3: the ingest role runs in a child JVM reading a Jetstream server that
 * serves 10,000 posts; it is killed without warning mid-stream and started again. The mention ids in
 * {@code listener.mentions.raw} (read_committed) must be exactly the ids served — nothing lost, nothing twice — and
 * the personal identifiers seeded into the posts must appear neither in any record nor in the child's log.
 */
class IngestKillRestartIT {
  private static final int POSTS = 10_000;
  private static final int KILL_AFTER = 3_000;
  private static final long T0 = 1_772_355_600_000_000L;
  private static final String DID = "did:plc:itauthor";
  private static final String NHS_NUMBER = "943 476 5919";
  private static final String PHONE = "07700 900123";
  private static final String EMAIL = "pat.smith@example-mail.org";

  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();
  private JetstreamServer jetstream;

  @AfterEach
  void stop() throws InterruptedException {
    children.forEach(Process::destroyForcibly);
    if (jetstream != null) {
      jetstream.stop(1000);
    }
  }

  private static String post(int i) {
    String text = i % 10 == 0 ? "NHS no " + NHS_NUMBER + ", ring " + PHONE + " or " + EMAIL : "post number " + i;
    return "{\"did\":\"" + DID + i % 50 + "\",\"time_us\":" + (T0 + i * 10L) + ",\"kind\":\"commit\",\"commit\":{"
        + "\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"p" + i + "\",\"record\":{"
        + "\"text\":\"" + text + "\",\"langs\":[\"en\"],\"createdAt\":\"2026-03-01T09:00:00Z\"}}}";
  }

  private static String mentionId(int i) {
    return "bluesky:at://" + DID + i % 50 + "/app.bsky.feed.post/p" + i;
  }

  @Test
  void killedIngestRoleLosesAndRepeatsNothing() throws Exception {
    List<JetstreamServer.Frame> timeline = new ArrayList<>();
    for (int i = 0; i < POSTS; i++) {
      timeline.add(new JetstreamServer.Frame(T0 + i * 10L, post(i)));
    }
    jetstream = new JetstreamServer(timeline, 20);
    jetstream.start();
    while (jetstream.getPort() <= 0) {
      Thread.onSpinWait();
    }

    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", FreePorts.pick(),
        FreePorts.pick())) {
      String bootstrap = broker.bootstrapServers();
      try (Admin admin = Admin.create(KafkaTestClients.base(bootstrap))) {
        new TopicAdmin(admin, new TopicSettings(3, 3, (short) 1)).ensure(Topics.ALL);
      }
      Process first = startChild(bootstrap, "first");
      List<ConsumerRecord<String, Mention>> early = readRaw(bootstrap, records -> records.size() >= KILL_AFTER);
      assertTrue(early.size() >= KILL_AFTER, "first instance produced " + early.size() + "; log:\n" + log("first"));
      first.destroyForcibly().waitFor();
      assertFalse(first.isAlive());
      assertTrue(early.size() < POSTS, "the kill must land mid-stream, but all posts were already in");

      int connectionsBefore = jetstream.resources().size();
      startChild(bootstrap, "second");
      readCursor(bootstrap, Long.toString(T0 + (POSTS - 1) * 10L));
      List<ConsumerRecord<String, Mention>> all = readRaw(bootstrap, records -> records.size() >= POSTS);

      List<String> ids = all.stream().map(ConsumerRecord::key).toList();
      Set<String> served = new HashSet<>();
      for (int i = 0; i < POSTS; i++) {
        served.add(mentionId(i));
      }
      assertEquals(POSTS, ids.size(), "no id twice");
      assertEquals(served, new HashSet<>(ids), "exactly the served ids");
      String resumed = jetstream.resources().get(connectionsBefore);
      assertTrue(resumed.contains("&cursor="), "the restart resumes from the committed cursor: " + resumed);

      String records = all.stream().map(r -> r.value().text() + " " + r.value().authorKey())
          .collect(Collectors.joining("\n"));
      String logs = log("first") + log("second");
      for (String secret : List.of(NHS_NUMBER, PHONE, EMAIL, DID)) {
        assertFalse(records.contains(secret), "in a record: " + secret);
        assertFalse(logs.contains(secret), "in a log line: " + secret);
      }
      assertEquals("NHS no [nhs-number], ring [phone] or [email]", all.stream()
          .filter(r -> r.key().equals(mentionId(0))).findFirst().orElseThrow().value().text());
    }
  }

  private Process startChild(String bootstrap, String name) throws IOException {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        IngestChild.class.getName(), bootstrap, jetstream.uri().toString(), "it-hmac-key-0123456789abcdef")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child-" + name + ".log").toFile())
        .start();
    children.add(child);
    return child;
  }

  private String log(String name) throws IOException {
    Path file = dir.resolve("child-" + name + ".log");
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private static List<ConsumerRecord<String, Mention>> readRaw(String bootstrap,
      Predicate<List<ConsumerRecord<String, Mention>>> done) {
    return KafkaTestClients.readCommitted(bootstrap, Topics.MENTIONS_RAW.name(), new StringDeserializer(),
        Topics.MENTIONS_RAW.valueSerde().deserializer(), done, Duration.ofSeconds(120));
  }

  /** Waits until the source's committed cursor reaches {@code position}: everything before it is committed too. */
  private void readCursor(String bootstrap, String position) throws IOException {
    List<ConsumerRecord<String, SourceCursor>> cursors = KafkaTestClients.readCommitted(bootstrap,
        Topics.INGEST_CURSORS.name(), new StringDeserializer(), Topics.INGEST_CURSORS.valueSerde().deserializer(),
        records -> !records.isEmpty() && records.get(records.size() - 1).value().position().equals(position),
        Duration.ofSeconds(120));
    assertTrue(!cursors.isEmpty() && cursors.get(cursors.size() - 1).value().position().equals(position),
        "the second instance never committed the last post; log:\n" + log("second"));
  }
}
