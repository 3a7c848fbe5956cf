package io.nhslistener.app.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.app.broker.KafkaTestClients;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, fault test 3: two {@code listener run --role streams} processes (child JVMs, each with its own data dir)
 * share the stream processing of one application; a third process runs the alerts role. The test writes the
 * {@link MentionScenario}'s mentions to {@code listener.mentions.raw} itself, in the ingest role's place. Once both
 * streams processes have done work, one is killed with SIGKILL while mentions keep coming; the other must take over
 * its partitions and the outputs must be complete and unduplicated.
 */
@Tag("reliability")
class StreamsScaleOutIT {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsScaleOutIT.class);

  @TempDir Path dir;
  private ListenerChild first;
  private ListenerChild second;
  private ListenerChild alerts;

  @AfterEach
  void kill() throws InterruptedException {
    for (ListenerChild child : new ListenerChild[] {first, second, alerts}) {
      if (child != null) {
        child.close();
      }
    }
  }

  @Test
  void theSurvivorTakesOverAndNothingIsLostOrRepeated() throws Exception {
    MentionScenario scenario = MentionScenario.generate(ReliabilityScale.flowMentions(), 3);
    Path watchlist = Files.writeString(dir.resolve("watchlist.yaml"), MentionScenario.watchlistYaml("console"));
    try (TestKafka cluster = TestKafka.start(dir)) {
      Map<String, Object> kafka = cluster.clients();
      first = streams(cluster, watchlist, "first");
      second = streams(cluster, watchlist, "second");
      alerts = ListenerChild.start(dir, "alerts", Map.of(), "run", "--config",
          config(cluster, watchlist, "alerts").toString(), "--role", "alerts");

      List<Mention> mentions = scenario.replayed();
      int half = mentions.size() / 2;
      try (KafkaProducer<String, Mention> producer = KafkaTestClients.producer(cluster.bootstrap(),
               new StringSerializer(), Topics.MENTIONS_RAW.valueSerde().serializer());
           ScenarioRun run = new ScenarioRun(scenario, kafka)) {
        await("both streams processes in the group with partitions").atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> {
              assertAlive(first, second, alerts);
              return membersWithPartitions(kafka) == 2;
            });
        send(producer, mentions.subList(0, half));
        await("both streams processes working").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
            .until(() -> {
              assertAlive(first, second, alerts);
              return PipelineProgress.units(first.scrape()) > 0 && PipelineProgress.units(second.scrape()) > 0;
            });
        String firstWork = PipelineProgress.describe(first.scrape());
        String secondWork = PipelineProgress.describe(second.scrape());
        first.kill();
        long killed = System.nanoTime();
        long survivorBefore = PipelineProgress.units(second.scrape());
        LOG.info("Killed the first streams process; it had done: {}; the second: {}", firstWork, secondWork);
        send(producer, mentions.subList(half, mentions.size()));

        run.sendClosersOnceMatched(Duration.ofMinutes(10), () -> assertAlive(second, alerts));
        PipelineOutcome outcome = run.awaitCaughtUp(Duration.ofMinutes(10), () -> assertAlive(second, alerts));
        Duration caughtUp = Duration.ofNanos(System.nanoTime() - killed);
        long survivorWork = PipelineProgress.units(second.scrape()) - survivorBefore;
        LOG.info("RELIABILITY scale-out [{}]: {} mentions in; first process killed after {}; the survivor did {} "
                + "more units of work and the outputs caught up {} s after the kill; {}", ReliabilityScale.label(),
            scenario.size(), firstWork, survivorWork, caughtUp.toSeconds(), outcome.figures());
        ScenarioRun.assertExact(scenario, outcome);
        run.assertTimedChangelogsStampedOnAppend();
        assertTrue(survivorWork > 0, "the survivor took over the work");
        assertEquals(0, second.stop(Duration.ofSeconds(90)));
      }
    }
  }

  private ListenerChild streams(TestKafka cluster, Path watchlist, String name) throws Exception {
    return ListenerChild.start(dir, name, Map.of(), "run", "--config", config(cluster, watchlist, name).toString(),
        "--role", "streams");
  }

  /** One configuration per process: the same application, its own data dir (state, like a separate machine). */
  private Path config(TestKafka cluster, Path watchlist, String name) throws Exception {
    return new PipelineConfig(cluster.bootstrap(), dir.resolve("data-" + name))
        .watchlist(watchlist)
        .write(dir.resolve(name + ".yaml"));
  }

  /** Members of the streams application's group that have partitions assigned. */
  private static long membersWithPartitions(Map<String, Object> kafka) throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("nhs-listener")).all().get()
          .get("nhs-listener");
      return group.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return 0; // the processes have not joined yet
      }
      throw e;
    }
  }

  /** Sends and waits until every mention is acknowledged: a send that failed is the test's loss, not the pipeline's. */
  private static void send(KafkaProducer<String, Mention> producer, List<Mention> mentions) throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>(mentions.size());
    for (Mention mention : mentions) {
      sent.add(producer.send(new ProducerRecord<>(Topics.MENTIONS_RAW.name(), mention.id(), mention)));
    }
    producer.flush();
    for (Future<RecordMetadata> ack : sent) {
      ack.get();
    }
  }

  private static void assertAlive(ListenerChild... children) {
    for (ListenerChild child : children) {
      assertTrue(child.isAlive(), "a listener died:\n" + child.logTail(80));
    }
  }
}
