package io.nhslistener.app.reliability;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the pipeline wrote to {@code listener.mentions.matched}, {@code listener.org.stats} and {@code listener.alerts},
 * compared with a {@link MentionScenario}'s truth: the figures of {@code docs/reliability.md} (records out, lost,
 * duplicated) and the first discrepancies, by name, for failure messages.
 */
public final class PipelineOutcome {
  private static final int SHOWN = 20;

  private final MentionScenario scenario;
  private final List<WindowStats> stats = new ArrayList<>();
  private final List<Alert> alerts = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private long matchedRecords;
  private long matchedDistinct;
  private long matchedDuplicates;
  private long matchedLost;
  private long matchedUnexpected;
  private long windowsExpected;
  private long windowsMissing;
  private long windowsDuplicated;
  private long windowsWrong;
  private long deadLetters;

  private PipelineOutcome(MentionScenario scenario) {
    this.scenario = scenario;
  }

  /** Compares the records read (raw bytes, read_committed) with the scenario. */
  public static PipelineOutcome of(MentionScenario scenario, List<ConsumerRecord<byte[], byte[]>> matched,
      List<ConsumerRecord<byte[], byte[]>> stats, List<ConsumerRecord<byte[], byte[]>> alerts,
      List<ConsumerRecord<byte[], byte[]>> deadLetters) {
    PipelineOutcome outcome = new PipelineOutcome(scenario);
    for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
      DeadLetter letter = Topics.DEADLETTER.valueSerde().deserializer().deserialize(null, record.value());
      outcome.deadLetters++;
      outcome.problem("dead letter of stage " + letter.stage() + ": " + letter.reason());
    }
    outcome.checkMatched(matched);
    stats.forEach(r -> outcome.stats.add(Topics.ORG_STATS.valueSerde().deserializer().deserialize(null, r.value())));
    outcome.checkRepeatedWindows();
    outcome.checkWindows(MentionScenario.WINDOW);
    outcome.checkWindows(MentionScenario.ROLLUP);
    alerts.forEach(r -> outcome.alerts.add(Topics.ALERTS.valueSerde().deserializer().deserialize(null, r.value())));
    return outcome;
  }

  private void checkMatched(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, Set<String>> seen = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      MatchedMention m = Topics.MENTIONS_MATCHED.valueSerde().deserializer().deserialize(null, record.value());
      matchedRecords++;
      if (!seen.computeIfAbsent(m.orgId(), o -> new HashSet<>()).add(m.mention().id())) {
        matchedDuplicates++;
        problem("matched twice: " + m.orgId() + " " + m.mention().id());
      }
    }
    seen.values().forEach(ids -> matchedDistinct += ids.size());
    for (String org : MentionScenario.ORGS) {
      Set<String> got = seen.getOrDefault(org, Set.of());
      for (String id : scenario.matchedIds(org)) {
        if (!got.contains(id)) {
          matchedLost++;
          problem("never matched: " + org + " " + id);
        }
      }
      for (String id : got) {
        if (!scenario.matchedIds(org).contains(id)) {
          matchedUnexpected++;
          problem("matched but should not be: " + org + " " + id);
        }
      }
    }
  }

  /** Every window of the topic, the scenario's and those after it, must be there once. */
  private void checkRepeatedWindows() {
    Set<String> seen = new HashSet<>();
    for (WindowStats w : stats) {
      String key = w.orgId() + "@" + w.windowStart() + "/" + w.size();
      if (!seen.add(key)) {
        windowsDuplicated++;
        problem("window emitted more than once: " + key);
      }
    }
  }

  private void checkWindows(Duration size) {
    Map<String, WindowStats> byKey = new HashMap<>();
    for (WindowStats w : stats) {
      if (w.size().equals(size)) {
        byKey.put(w.orgId() + "@" + w.windowStart(), w);
      }
    }
    for (String org : MentionScenario.ORGS) {
      for (Instant start : MentionScenario.windowStarts(size)) {
        windowsExpected++;
        String key = org + "@" + start;
        WindowStats w = byKey.get(key);
        if (w == null) {
          windowsMissing++;
          problem("window never emitted: " + key + " (" + size + ")");
          continue;
        }
        long expected = scenario.count(org, start, size);
        if (w.count() != expected) {
          windowsWrong++;
          problem("window " + key + " (" + size + ") counted " + w.count() + ", truth " + expected);
        }
      }
    }
  }

  private void problem(String text) {
    if (problems.size() < SHOWN) {
      problems.add(text);
    }
  }

  /** True when every mention but the closers has been matched: the closers may go in. */
  public boolean readyForClosers() {
    return matchedDistinct >= scenario.matchedPairs() - scenario.closers().size();
  }

  /** True when every expected matched record and window is there: the pipeline has caught up. */
  public boolean caughtUp() {
    return matchedLost == 0 && windowsMissing == 0;
  }

  /** True when nothing is missing, repeated, unexpected, miscounted or dead-lettered (the scenario has no poison). */
  public boolean exact() {
    return caughtUp() && matchedDuplicates == 0 && matchedUnexpected == 0 && windowsDuplicated == 0
        && windowsWrong == 0 && deadLetters == 0;
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Base windows of {@code org} in the topic (the scenario's and those after it), in order of start. */
  public List<WindowStats> baseWindows(String org) {
    return stats.stream()
        .filter(w -> w.orgId().equals(org) && w.size().equals(MentionScenario.WINDOW))
        .sorted((a, b) -> a.windowStart().compareTo(b.windowStart()))
        .toList();
  }

  public List<Alert> alerts() {
    return List.copyOf(alerts);
  }

  public long matchedRecords() {
    return matchedRecords;
  }







  /** One line of figures for logs and docs. */
  public String figures() {
    return "matched records " + matchedRecords + " (truth " + scenario.matchedPairs() + "): lost " + matchedLost
        + ", duplicated " + matchedDuplicates + ", unexpected " + matchedUnexpected + "; windows expected "
        + windowsExpected + ": missing " + windowsMissing + ", duplicated " + windowsDuplicated + ", miscounted "
        + windowsWrong + "; dead letters " + deadLetters + "; alert records " + alerts.size();
  }
}
