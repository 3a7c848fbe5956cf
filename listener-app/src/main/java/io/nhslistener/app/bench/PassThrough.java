package io.nhslistener.app.bench;

import io.nhslistener.core.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The pass-through baseline: a Kafka Streams topology that only reads {@code listener.mentions.raw} (deserialising
 * each {@code Mention}) and forwards it to {@value #OUTPUT} (serialising it again), with the pipeline's processing
 * guarantee, commit interval and thread count. What it sustains is the cost of merely moving the records through
 * Kafka with exactly-once on this machine, the limit the pipeline is measured against.
 */
final class PassThrough implements AutoCloseable {
  /** Where the baseline writes; created by the benchmark, 6 partitions like the mention topics. */
  static final String OUTPUT = "listener.bench.passthrough";
  private static final long TIMEOUT_SECONDS = 30;

  private final KafkaStreams streams;

  private PassThrough(KafkaStreams streams) {
    this.streams = streams;
  }

  /** The topology: source, sink, nothing between. */
  static Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.MENTIONS_RAW.name(), Consumed.with(Topics.MENTIONS_RAW.keySerde(),
                Topics.MENTIONS_RAW.valueSerde()).withName("passthrough-source"))
        .to(OUTPUT, Produced.with(Topics.MENTIONS_RAW.keySerde(), Topics.MENTIONS_RAW.valueSerde())
            .withName("passthrough-sink"));
    return builder.build();
  }

  /**
   * Creates {@value #OUTPUT} when absent.
   *
   * @throws IllegalStateException when the broker does not answer
   */
  static void createOutput(Map<String, Object> kafka, int partitions, short replication) {
    try (Admin admin = Admin.create(kafka)) {
      admin.createTopics(List.of(new NewTopic(OUTPUT, partitions, replication))).all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + OUTPUT + ": " + e.getMessage(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot create " + OUTPUT + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + OUTPUT, e);
    }
  }

  /**
   * Starts the baseline as application {@code applicationId}, whose group must already be placed where it should
   * start reading.
   *
   * @param pipeline the pipeline's Kafka Streams properties, whose guarantee, commit interval, threads, state dir and
   *     client settings the baseline copies
   */
  static PassThrough start(Properties pipeline, String applicationId) {
    Properties props = new Properties();
    props.putAll(pipeline);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    KafkaStreams streams = new KafkaStreams(topology(), props);
    streams.start();
    return new PassThrough(streams);
  }

  /** True once the instance runs (partitions assigned). */
  boolean running() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(TIMEOUT_SECONDS));
  }
}
