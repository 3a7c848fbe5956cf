package io.nhslistener.app.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.app.broker.KafkaTestClients;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, fault test 2: while a {@link MentionScenario} flows through {@code listener run --role all} (a child JVM),
 * the broker is stopped for 20 seconds and started again on the same data dir and ports. Every role must recover by
 * itself — no restart of the listener — and the outputs must equal the truth, as after an uninterrupted run.
 */
@Tag("reliability")
class BrokerOutageIT {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerOutageIT.class);
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  @TempDir Path dir;
  private ListenerChild child;

  @AfterEach
  void kill() throws InterruptedException {
    if (child != null) {
      child.close();
    }
  }

  @Test
  void everyRoleRecoversByItselfAndNothingIsLost() throws Exception {
    MentionScenario scenario = MentionScenario.generate(ReliabilityScale.flowMentions(), 2);
    Path replay = dir.resolve("mentions.jsonl");
    scenario.writeReplay(replay);
    Path watchlist = Files.writeString(dir.resolve("watchlist.yaml"), MentionScenario.watchlistYaml("console"));
    Path brokerDir = dir.resolve("broker");
    int port = FreePorts.pick();
    int controllerPort = FreePorts.pick();
    String bootstrap = "127.0.0.1:" + port;
    Map<String, Object> kafka = new HashMap<>(KafkaTestClients.base(bootstrap));

    EmbeddedBroker broker = EmbeddedBroker.start(brokerDir, "127.0.0.1", port, controllerPort);
    try {
      try (Admin admin = Admin.create(kafka)) {
        new TopicAdmin(admin, new TopicSettings(3, 3, (short) 1)).ensure(Topics.ALL);
      }
      // Paced so that the outage lands while mentions are still being ingested, not after.
      Path config = new PipelineConfig(bootstrap, dir.resolve("data"))
          .watchlist(watchlist)
          .replay(replay, 40)
          .write(dir.resolve("listener.yaml"));
      child = ListenerChild.start(dir, "pipeline", Map.of(), "run", "--config", config.toString(), "--role", "all");
      long quarter = scenario.matchedPairs() / 4;
      try (ScenarioRun run = new ScenarioRun(scenario, kafka)) {
        await("a quarter of the mentions matched").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
            .until(() -> {
              assertAlive();
              return run.read().matchedRecords() >= quarter;
            });
        long before = PipelineProgress.units(child.scrape());
        long matchedBefore = run.read().matchedRecords();

        broker.close();
        LOG.info("Broker stopped with {} matched records committed; {} units of work done", matchedBefore, before);
        await("the listener rides out the outage").during(OUTAGE).atMost(OUTAGE.plusSeconds(10))
            .pollInterval(Duration.ofSeconds(1)).until(() -> child.isAlive());
        broker = EmbeddedBroker.start(brokerDir, "127.0.0.1", port, controllerPort);
        long restarted = System.nanoTime();
        LOG.info("Broker started again after {} s", OUTAGE.toSeconds());

        long stalled = PipelineProgress.units(child.scrape());
        await("work resumes").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
            .until(() -> {
              assertAlive();
              return PipelineProgress.units(child.scrape()) > stalled;
            });
        Duration resumed = Duration.ofNanos(System.nanoTime() - restarted);
        await("every role healthy again").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
            .until(() -> {
              assertAlive();
              return child.healthy();
            });
        Duration healthy = Duration.ofNanos(System.nanoTime() - restarted);

        run.sendClosersOnceMatched(Duration.ofMinutes(10), this::assertAlive);
        PipelineOutcome outcome = run.awaitCaughtUp(Duration.ofMinutes(10), this::assertAlive);
        Duration caughtUp = Duration.ofNanos(System.nanoTime() - restarted);
        LOG.info("RELIABILITY broker-outage [{}]: {} mentions in; broker down {} s with {} matched records "
                + "committed; work resumed {} s after the broker came back, all roles healthy after {} s, caught up "
                + "after {} s; {}", ReliabilityScale.label(), scenario.size(), OUTAGE.toSeconds(), matchedBefore,
            resumed.toSeconds(), healthy.toSeconds(), caughtUp.toSeconds(), outcome.figures());
        ScenarioRun.assertExact(scenario, outcome);
        run.assertTimedChangelogsStampedOnAppend();
        assertTrue(child.healthy(), child.health());
        assertEquals(0, child.stop(Duration.ofSeconds(90)), "stops cleanly on SIGTERM after the outage");
      }
    } finally {
      broker.close();
    }
  }

  private void assertAlive() {
    assertTrue(child.isAlive(), "the listener died:\n" + child.logTail(80));
  }
}
