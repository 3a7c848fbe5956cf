package io.nhslistener.app.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, fault test 1: {@code listener run --role all} runs in a child JVM against the test's broker while a
 * {@link MentionScenario} is replayed through it, and is killed with SIGKILL again and again, restarting each time on
 * the same data dir. At the end {@code listener.mentions.matched}, {@code listener.org.stats} and
 * {@code listener.alerts}, read_committed, must equal the truth: every (mention, organisation) pair once, every window
 * once with the count the scenario put in it, and exactly the alert records an uninterrupted detector publishes over
 * those windows, the scenario's surge among them.
 *
 * <p>Kill points: while mentions are replayed, deduplicated and matched, every third kill comes as soon as the roles
 * report up (state restoring, open transactions being aborted) and the others after a random amount of work; then the
 * closers go in and the remaining kills land while windows close and alerts are detected (after the first window is
 * emitted, at start-up, and when alert detection has durably judged a random share of the windows).
 *
 * <p>Size: {@link ReliabilityScale#crashMentions()} mentions and {@link ReliabilityScale#crashKills()} kills: 20,000
 * and 10 in the default build, 200,000 and 10 with {@code -Preliability}.
 */
@Tag("reliability")
class CrashRecoveryIT {
  private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryIT.class);
  private static final Duration INCARNATION_LIMIT = Duration.ofMinutes(5);

  @TempDir Path dir;
  private final List<ListenerChild> children = new ArrayList<>();
  private final List<Duration> recoveries = new ArrayList<>();
  private Path config;
  private Map<String, Object> kafka;

  @AfterEach
  void killChildren() throws InterruptedException {
    for (ListenerChild child : children) {
      child.close();
    }
  }

  @Test
  void killedAgainAndAgainTheRunLosesAndRepeatsNothing() throws Exception {
    int size = ReliabilityScale.crashMentions();
    int kills = ReliabilityScale.crashKills();
    int replayKills = kills - kills * 2 / 5;
    MentionScenario scenario = MentionScenario.generate(size, 9);
    Path replay = dir.resolve("mentions.jsonl");
    scenario.writeReplay(replay);
    Path watchlist = Files.writeString(dir.resolve("watchlist.yaml"), MentionScenario.watchlistYaml("console"));
    Random random = new Random(size * 31L + kills);

    try (TestKafka cluster = TestKafka.start(dir)) {
      kafka = cluster.clients();
      config = new PipelineConfig(cluster.bootstrap(), dir.resolve("data"))
          .watchlist(watchlist)
          .replay(replay, 0)
          .write(dir.resolve("listener.yaml"));

      long workPerKill = 3L * size / 10;
      for (int k = 0; k < replayKills; k++) {
        long target = size / 40 + (long) (random.nextDouble() * (workPerKill - size / 40));
        if (k % 3 == 0) {
          killWhen(k, kills, "at start-up", ListenerChild::healthy);
        } else {
          killWhen(k, kills, "after " + target + " units of work", child -> child.observeWork() >= target);
        }
      }

      try (ScenarioRun run = new ScenarioRun(scenario, kafka)) {
        ListenerChild closing = start(replayKills);
        run.sendClosersOnceMatched(Duration.ofMinutes(10), () -> {
          assertAlive(closing);
          closing.observeWork();
        });
        killWhen(closing, replayKills, kills, "once windows close",
            child -> PipelineProgress.counter(child.scrape(), "listener_windows_emitted_total") > 0);
        for (int k = replayKills + 1; k < kills; k++) {
          if (k % 2 == 0) {
            killWhen(k, kills, "at start-up", ListenerChild::healthy);
          } else {
            long judged = judged();
            long target = judged + 1 + (long) (random.nextDouble() * Math.max(1,
                GroupOffsets.end(kafka, Topics.ORG_STATS.name()) - judged) / 2);
            // Once detection has judged everything, the kill comes at start-up instead.
            killWhen(k, kills, "when detection has judged " + target + " windows", child -> child.healthy()
                && (judged() >= target || judged() >= GroupOffsets.end(kafka, Topics.ORG_STATS.name())));
          }
        }

        ListenerChild last = start(kills);
        PipelineOutcome outcome = run.awaitCaughtUp(Duration.ofMinutes(15), () -> {
          assertAlive(last);
          last.observeWork();
        });
        recoveries.add(last.firstWork());
        LOG.info("RELIABILITY crash [{}]: {} mentions in, {} kills; {}; recovery (start to first work, per "
            + "restart) {}", ReliabilityScale.label(), scenario.size(), kills, outcome.figures(), recoveries);
        ScenarioRun.assertExact(scenario, outcome);
        run.assertTimedChangelogsStampedOnAppend();
        assertEquals(0, last.stop(Duration.ofSeconds(90)), "the last incarnation stops cleanly on SIGTERM");
      }
    }
  }

  /** Windows of {@code listener.org.stats} alert detection has durably judged. */
  private long judged() throws Exception {
    return GroupOffsets.committed(kafka, "nhs-listener-alerts", Topics.ORG_STATS.name());
  }

  private void killWhen(int k, int kills, String when, Condition condition) throws Exception {
    killWhen(start(k), k, kills, when, condition);
  }

  /** Waits for {@code condition} (noting when the process first works), then sends SIGKILL. */
  private void killWhen(ListenerChild child, int k, int kills, String when, Condition condition) throws Exception {
    await("incarnation " + k + " " + when).atMost(INCARNATION_LIMIT).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          assertAlive(child);
          child.observeWork();
          return condition.holds(child);
        });
    String scrape = child.scrape();
    child.kill();
    if (child.firstWork() != null) {
      recoveries.add(child.firstWork());
    }
    LOG.info("Kill {} of {} ({}), {} s after start: {}", k + 1, kills, when, child.age().toSeconds(),
        PipelineProgress.describe(scrape));
  }

  private ListenerChild start(int incarnation) throws IOException {
    ListenerChild child = ListenerChild.start(dir, "pipeline-" + incarnation, Map.of(), "run", "--config",
        config.toString(), "--role", "all");
    children.add(child);
    return child;
  }

  private static void assertAlive(ListenerChild child) {
    assertTrue(child.isAlive(), "the pipeline died by itself:\n" + child.logTail(80));
  }

  /** A kill condition, checked every poll. */
  @FunctionalInterface
  private interface Condition {
    boolean holds(ListenerChild child) throws Exception;
  }
}
