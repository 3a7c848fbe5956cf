package io.nhslistener.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.app.broker.KafkaTestClients;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.ingest.IngestRole;
import io.nhslistener.ingest.bluesky.JetstreamConnector;
import io.nhslistener.ingest.format.PayloadFormat;
import io.nhslistener.ingest.replay.ReplayConnector;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.runner.IngestRunner;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 3 of issue 3 (1,000 malformed payloads mixed into a stream: no crash, 1,000 dead letters, the rejected
 * counter at 1,000, every good item arrives) and resumption from the committed cursor after a stop, both through the
 * real ingest role on the embedded broker.
 */
class IngestDeadLetterAndResumeIT {
  private static final String KEY = "it-hmac-key-0123456789abcdef";
  private static final long T0 = 1_772_355_600_000_000L;

  @TempDir static Path dir;
  private static EmbeddedBroker broker;
  private static String bootstrap;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", FreePorts.pick(), FreePorts.pick());
    bootstrap = broker.bootstrapServers();
    try (Admin admin = Admin.create(KafkaTestClients.base(bootstrap))) {
      new TopicAdmin(admin, new TopicSettings(3, 3, (short) 1)).ensure(Topics.ALL);
    }
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  /** Four kinds of bad payload; those that still carry a {@code time_us} carry the one of their place in the stream. */
  private static String malformed(int k, long timeUs) {
    return switch (k % 4) {
      case 0 -> "{\"did\":\"did:plc:x\",\"time_us\":";
      case 1 -> "{\"did\":\"did:plc:x\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{\"operation\":"
          + "\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"m" + k + "\",\"record\":{\"langs\":[]}}}";
      case 2 -> "[1,2,3]";
      default -> "{\"did\":\"did:plc:x\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{\"operation\":"
          + "\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"m" + k + "\",\"record\":{\"text\":\"t\","
          + "\"createdAt\":\"yesterday\"}}}";
    };
  }

  @Test
  void malformedPayloadsAreDeadLetteredCountedAndNeverStopTheSource() throws Exception {
    List<JetstreamServer.Frame> timeline = new ArrayList<>();
    Set<String> good = new HashSet<>();
    int malformed = 0;
    for (int i = 0; i < 5_000; i++) {
      long timeUs = T0 + 1_000_000 + i * 10L;
      if (i % 5 == 2) {
        timeline.add(new JetstreamServer.Frame(timeUs, malformed(malformed++, timeUs)));
      } else {
        timeline.add(new JetstreamServer.Frame(timeUs, "{\"did\":\"did:plc:a" + i % 7 + "\",\"time_us\":" + timeUs
            + ",\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\","
            + "\"rkey\":\"g" + i + "\",\"record\":{\"text\":\"good " + i + "\",\"createdAt\":\"2026-03-01T09:00:00Z\"}}}"));
        good.add("bluesky:at://did:plc:a" + i % 7 + "/app.bsky.feed.post/g" + i);
      }
    }
    assertEquals(1_000, malformed);
    JetstreamServer jetstream = new JetstreamServer(timeline, 50);
    jetstream.start();
    while (jetstream.getPort() <= 0) {
      Thread.onSpinWait();
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Clock clock = Clock.systemUTC();
    IngestRole role = IngestRole.builder(Map.of("bootstrap.servers", bootstrap), registry, clock).hmacKey(KEY)
        .source("bluesky-dl", new JetstreamConnector("bluesky-dl", jetstream.uri(), Duration.ofSeconds(1),
            HttpClient.newHttpClient(), Duration.ofSeconds(30), clock), BackoffPolicy.DEFAULT)
        .build();
    try {
      role.start();
      List<ConsumerRecord<byte[], DeadLetter>> letters = readDeadLetters(count -> count >= 1_000, 90);
      List<ConsumerRecord<String, Mention>> mentions = KafkaTestClients.readCommitted(bootstrap,
          Topics.MENTIONS_RAW.name(), new StringDeserializer(), Topics.MENTIONS_RAW.valueSerde().deserializer(),
          records -> records.stream().filter(r -> good.contains(r.key())).count() >= good.size(),
          Duration.ofSeconds(90));

      assertEquals(1_000, letters.stream().filter(r -> r.value().origin().equals("bluesky-dl")
          && r.value().stage().equals("ingest")).count());
      assertEquals(1_000, readDeadLetters(count -> count > 1_000, 3).size(), "no dead letter twice");
      assertEquals(good, new HashSet<>(mentions.stream().map(ConsumerRecord::key).filter(good::contains).toList()));
      assertEquals(1_000, registry.get("listener.ingest.rejected").tag("source", "bluesky-dl").counter().count());
      assertEquals(4_000, registry.get("listener.ingest.produced").tag("source", "bluesky-dl").counter().count());
      assertEquals(Map.of("bluesky-dl", IngestRunner.State.RUNNING), role.states());
    } finally {
      role.close();
      jetstream.stop(1000);
    }
  }

  @Test
  void stoppedReplayResumesFromItsCommittedCursor() throws Exception {
    JsonSerde<Mention> serde = new JsonSerde<>(Mention.class);
    List<String> lines = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Instant at = Instant.parse("2026-03-01T09:00:00Z");
    for (int i = 0; i < 20_000; i++) {
      Mention mention = Mention.builder("replay:" + i, "mastodon", "resumed post " + i, at.plusMillis(i), at).build();
      lines.add(serde.toJson(mention));
      ids.add(mention.id());
    }
    Path file = dir.resolve("resume.jsonl");
    Files.write(file, lines);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Clock clock = Clock.systemUTC();

    // Paced in real time, 20,000 posts one millisecond apart take 20 s: the stop lands mid-file.
    IngestRole first = role(registry, clock, ReplayConnector.builder(file, PayloadFormat.MENTION).speed(1)
        .batchSize(500).clock(clock).build());
    first.start();
    List<ConsumerRecord<String, Mention>> early = KafkaTestClients.readCommitted(bootstrap, Topics.MENTIONS_RAW.name(),
        new StringDeserializer(), Topics.MENTIONS_RAW.valueSerde().deserializer(),
        records -> records.stream().filter(r -> ids.contains(r.key())).count() >= 2_000, Duration.ofSeconds(60));
    first.close();
    long before = early.stream().filter(r -> ids.contains(r.key())).count();
    assertTrue(before >= 2_000 && before < 20_000, "stopped mid-file after " + before);

    IngestRole second = role(registry, clock, ReplayConnector.builder(file, PayloadFormat.MENTION).clock(clock).build());
    second.start();
    assertTrue(second.awaitTermination(Duration.ofSeconds(60)), "the replay finishes");
    List<String> all = KafkaTestClients.readCommitted(bootstrap, Topics.MENTIONS_RAW.name(), new StringDeserializer(),
            Topics.MENTIONS_RAW.valueSerde().deserializer(),
            records -> records.stream().filter(r -> ids.contains(r.key())).count() >= 20_000, Duration.ofSeconds(60))
        .stream().map(ConsumerRecord::key).filter(ids::contains).toList();
    assertEquals(20_000, all.size(), "each post once");
    assertEquals(ids, new HashSet<>(all));
  }

  /** Dead letters from the test's source, read until {@code done} holds for their count or the timeout passes. */
  private static List<ConsumerRecord<byte[], DeadLetter>> readDeadLetters(LongPredicate done, int seconds) {
    return KafkaTestClients.readCommitted(bootstrap, Topics.DEADLETTER.name(), new ByteArrayDeserializer(),
            Topics.DEADLETTER.valueSerde().deserializer(),
            records -> done.test(records.stream().filter(r -> r.value().origin().equals("bluesky-dl")).count()),
            Duration.ofSeconds(seconds))
        .stream().filter(r -> r.value().origin().equals("bluesky-dl")).toList();
  }

  private static IngestRole role(SimpleMeterRegistry registry, Clock clock, ReplayConnector replay) {
    return IngestRole.builder(Map.of("bootstrap.servers", bootstrap), registry, clock).hmacKey(KEY)
        .source("replay-resume", replay, BackoffPolicy.DEFAULT).build();
  }
}
