package io.nhslistener.app.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.topic.Topic;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicReport;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerIT {
  @TempDir Path dataDir;

  @Test
  void createsTopicsIdempotentlyAndReportsDriftWithoutChangingIt() throws Exception {
    try (EmbeddedBroker broker = startBroker(); Admin admin = Admin.create(adminProps(broker))) {
      TopicAdmin topics = new TopicAdmin(admin, TopicSettings.DEFAULTS);
      TopicReport first = topics.ensure(Topics.ALL);
      assertEquals(Topics.ALL.stream().map(Topic::name).sorted().toList(), first.created().stream().sorted().toList());
      assertEquals(List.of(), first.differences());

      TopicReport second = topics.ensure(Topics.ALL);
      assertEquals(List.of(), second.created());
      assertEquals(List.of(), second.differences());

      TopicReport wider = new TopicAdmin(admin, new TopicSettings(8, 6, (short) 1)).ensure(Topics.ALL);
      assertEquals(List.of(), wider.created());
      assertTrue(wider.differences().contains("listener.mentions.raw: has 6 partitions, the catalogue says 8"),
          wider.differences().toString());
      assertEquals(6, topics.describe(List.of(Topics.MENTIONS_RAW)).get("listener.mentions.raw").partitions(),
          "drift is reported, never corrected");
    }
  }

  @Test
  void recordsDatedLongBeforeTheRetentionOutliveTheBrokersRetentionCheck() throws Exception {
    BrokerSettings settings = new BrokerSettings(dataDir, "127.0.0.1", FreePorts.pick(), FreePorts.pick(),
        "PLAINTEXT", EagerRetention.PROPERTIES, List.of());
    Map<String, String> week = Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis()));
    try (EmbeddedBroker broker = EmbeddedBroker.start(settings); Admin admin = Admin.create(adminProps(broker))) {
      // One catalogue topic as an earlier version created it, and a control topic: both stamped at creation time.
      admin.createTopics(List.of(new NewTopic(Topics.MENTIONS_UNIQUE.name(), 1, (short) 1).configs(week),
          new NewTopic("control", 1, (short) 1).configs(week))).all().get();
      TopicAdmin topics = new TopicAdmin(admin, TopicSettings.DEFAULTS);
      TopicReport report = topics.ensure(Topics.ALL);
      assertEquals(List.of("listener.mentions.unique: message.timestamp.type was CreateTime, set to LogAppendTime"),
          report.corrected());
      List<Topic<?, ?>> timed = Topics.ALL.stream().filter(topic -> topic.cleanup() == Topic.Cleanup.DELETE).toList();
      await("the corrected timestamp type in force").atMost(Duration.ofSeconds(30)).until(() ->
          "LogAppendTime".equals(topics.describe(List.of(Topics.MENTIONS_UNIQUE)).get(Topics.MENTIONS_UNIQUE.name())
              .config(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG)));
      long eventTime = Instant.parse("2025-03-03T09:00:00Z").toEpochMilli();
      try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers(),
          new StringSerializer(), new StringSerializer())) {
        for (Topic<?, ?> topic : timed) {
          producer.send(new ProducerRecord<>(topic.name(), 0, eventTime, "key", "posted in March 2025")).get();
        }
        // Two deletions on the control topic, the second of a record sent after the first was gone: at least one
        // whole retention pass over every log ran after the catalogue topics got their records.
        for (long deleted = 1; deleted <= 2; deleted++) {
          producer.send(new ProducerRecord<>("control", 0, eventTime, "key", "posted in March 2025")).get();
          long expected = deleted;
          await("a retention pass deleting control record " + deleted).atMost(Duration.ofSeconds(60))
              .until(() -> earliest(admin, "control") == expected);
        }
      }
      for (Topic<?, ?> topic : timed) {
        assertEquals(0, earliest(admin, topic.name()), topic.name() + " lost its record to retention");
      }
    }
  }

    @Test
  void exactlyOnceTopologyOutputIsReadCommitted() throws Exception {
    try (EmbeddedBroker broker = startBroker()) {
      createTopics(broker, "in", "out");
      StreamsBuilder builder = new StreamsBuilder();
      builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
          .mapValues(value -> value.toUpperCase(Locale.ROOT), Named.as("upper"))
          .to("out", Produced.with(Serdes.String(), Serdes.String()));
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-it");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
      props.put(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("streams").toString());
      props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
      try (KafkaStreams streams = new KafkaStreams(builder.build(), props);
           KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers(),
               new StringSerializer(), new StringSerializer())) {
        streams.start();
        IntStream.range(0, 100).forEach(i -> producer.send(new ProducerRecord<>("in", "k" + i, "value " + i)));
        producer.flush();
        List<ConsumerRecord<String, String>> out = KafkaTestClients.readCommitted(broker.bootstrapServers(), "out",
            new StringDeserializer(), new StringDeserializer(), records -> records.size() >= 100,
            Duration.ofSeconds(60));
        assertEquals(100, out.size());
        assertEquals("VALUE 7", out.stream().filter(r -> r.key().equals("k7")).findFirst().orElseThrow().value());
      }
    }
  }

  @Test
  void restartOnTheSameDataDirKeepsRecords() {
    int port = FreePorts.pick();
    int controllerPort = FreePorts.pick();
    try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", port, controllerPort)) {
      createTopics(broker, "kept");
      try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers(),
          new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept", "a", "before restart"));
      }
    }
    try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", port, controllerPort)) {
      List<ConsumerRecord<String, String>> read = KafkaTestClients.readCommitted(broker.bootstrapServers(), "kept",
          new StringDeserializer(), new StringDeserializer(), records -> !records.isEmpty(), Duration.ofSeconds(30));
      assertEquals(List.of("before restart"), read.stream().map(ConsumerRecord::value).toList());
    }
  }

  @Test
  void aTakenPortFailsFastNamingThePort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      BrokerStartException e = assertThrows(BrokerStartException.class,
          () -> EmbeddedBroker.start(dataDir, "127.0.0.1", port, FreePorts.pick()));
      assertTrue(e.getMessage().contains("port " + port), e.getMessage());
    }
  }

  private EmbeddedBroker startBroker() {
    return EmbeddedBroker.start(dataDir, "127.0.0.1", FreePorts.pick(), FreePorts.pick());
  }

  private static long earliest(Admin admin, String topic) throws Exception {
    TopicPartition partition = new TopicPartition(topic, 0);
    return admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).all().get().get(partition).offset();
  }

  private static Map<String, Object> adminProps(EmbeddedBroker broker) {
    return KafkaTestClients.base(broker.bootstrapServers());
  }

  private static void createTopics(EmbeddedBroker broker, String... names) {
    try (Admin admin = Admin.create(adminProps(broker))) {
      admin.createTopics(Arrays.stream(names).map(n -> new NewTopic(n, 1, (short) 1)).toList())
          .all().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
