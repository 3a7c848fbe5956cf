package io.nhslistener.streams.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterProcessingHandlerTest {
  @TempDir Path stateDir;

  @Test
  void recordThatMakesAProcessorThrowIsDeadLetteredWithItsInputBytesAndTheRestFlows() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeadLetters deadLetters = new DeadLetters(registry, Clock.systemUTC());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()).withName("shout-source"))
        .mapValues(value -> {
          if (value.isEmpty()) {
            throw new IllegalArgumentException("nothing to shout");
          }
          return value.toUpperCase(Locale.ROOT);
        }, Named.as("shout-upper"))
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "handler-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    StreamsErrorHandling.configure(props, deadLetters);

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(),
          new StringDeserializer());
      TestOutputTopic<byte[], DeadLetter> letters = driver.createOutputTopic(Topics.DEADLETTER.name(),
          new ByteArrayDeserializer(), Topics.DEADLETTER.valueSerde().deserializer());
      in.pipeInput("k1", "");
      in.pipeInput("k2", "after");

      assertEquals(List.of("AFTER"), out.readValuesToList());
      List<DeadLetter> dead = letters.readValuesToList();
      assertEquals(1, dead.size());
      DeadLetter letter = dead.get(0);
      assertEquals("shout", letter.stage());
      assertTrue(letter.reason().startsWith("processing: IllegalArgumentException: nothing to shout"),
          letter.reason());
      assertEquals("in", letter.origin());
      assertArrayEquals("k1".getBytes(StandardCharsets.UTF_8), letter.key());
      assertArrayEquals(new byte[0], letter.value());
      assertEquals(1, registry.get("listener.deadletters").tags("stage", "shout", "reason", "processing")
          .counter().count());
    }
  }
}
