package io.nhslistener.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.app.broker.KafkaTestClients;
import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.ingest.IngestRole;
import io.nhslistener.ingest.format.PayloadFormat;
import io.nhslistener.ingest.replay.ReplayConnector;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.runner.IngestRunner;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replay of {@code Mention} JSON lines at full speed into the embedded broker through the real ingest role
 * (transactions, privacy, cursor): checks that every mention arrives and reports the rate. The rate is a measurement
 * for docs/performance.md, not an assertion (speed targets live in benchmarks); run with
 * {@code -Dingest.replay.mentions=1000000} for the recorded figure.
 */
class ReplayThroughputIT {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayThroughputIT.class);
  private static final int MENTIONS = Integer.getInteger("ingest.replay.mentions", 200_000);
  private static final String[] TEXTS = {
      "Waited four hours at A&E tonight, staff were brilliant but rushed off their feet #NHS",
      "Consultation on the maternity unit closes Friday, have your say https://example.org/consultation",
      "Thank you to the ward 12 team for looking after mum this week, could not have asked for more",
      "Parking at the hospital is a nightmare again, took 40 minutes to find a space, missed my appointment",
      "Anyone else unable to get a GP appointment this week? Phone lines open at 8 and full by 8:05"};

  @TempDir Path dir;

  @Test
  void replaysEveryMentionIntoTheBrokerAndReportsTheRate() throws Exception {
    Path file = dir.resolve("replay.jsonl");
    writeMentions(file);
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", FreePorts.pick(),
        FreePorts.pick())) {
      String bootstrap = broker.bootstrapServers();
      try (Admin admin = Admin.create(KafkaTestClients.base(bootstrap))) {
        new TopicAdmin(admin, new TopicSettings(6, 6, (short) 1)).ensure(Topics.ALL);
      }
      Clock clock = Clock.systemUTC();
      Map<String, Object> kafka = Map.of("bootstrap.servers", bootstrap,
          "compression.type", System.getProperty("ingest.replay.compression", "lz4"));
      IngestRole role = IngestRole.builder(kafka, new SimpleMeterRegistry(), clock)
          .hmacKey("throughput-hmac-key-0123456789")
          .source("replay-bench", ReplayConnector.builder(file, PayloadFormat.MENTION).clock(clock).build(),
              BackoffPolicy.DEFAULT)
          .build();
      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      role.start();
      assertTrue(role.awaitTermination(Duration.ofMinutes(5)), "the replay finishes");
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
      assertEquals(Map.of("replay-bench", IngestRunner.State.FINISHED), role.states());
      // CPU time of the whole process (ingest, embedded broker, GC) makes the figure comparable on a shared machine.
      LOG.info("Replayed {} mentions in {} s wall, {} s CPU: {} mentions/s wall, {} mentions per CPU-second; "
          + "load average {}", MENTIONS, String.format("%.2f", seconds), String.format("%.2f", cpuSeconds),
          String.format("%.0f", MENTIONS / seconds), String.format("%.0f", MENTIONS / cpuSeconds),
          String.format("%.1f", os.getSystemLoadAverage()));
      assertEquals(MENTIONS, countCommitted(bootstrap));
    }
  }

  private static void writeMentions(Path file) throws Exception {
    JsonSerde<Mention> serde = new JsonSerde<>(Mention.class);
    Instant t0 = Instant.parse("2026-03-01T09:00:00Z");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (int i = 0; i < MENTIONS; i++) {
        String text = TEXTS[i % TEXTS.length] + (i % 10 == 0 ? " call 07700 900" + (100 + i % 900) : "");
        Mention mention = Mention.builder("mastodon:bench.example:" + (100_000_000L + i), "mastodon", text,
                t0.plusMillis(i), t0)
            .url("https://bench.example/statuses/" + i).authorKey(Integer.toHexString(i * 31 + 7)).lang("en")
            .engagement(new Engagement(i % 7, i % 3, i % 5)).build();
        out.write(serde.toJson(mention));
        out.newLine();
      }
    }
  }

  private static long countCommitted(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "count-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    long count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.MENTIONS_RAW.name()));
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (count < MENTIONS && System.nanoTime() < deadline) {
        count += consumer.poll(Duration.ofMillis(500)).count();
      }
    }
    return count;
  }
}
