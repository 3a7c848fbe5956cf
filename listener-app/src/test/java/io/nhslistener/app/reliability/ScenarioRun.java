package io.nhslistener.app.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.alerts.topology.Backtest;
import io.nhslistener.app.process.Watchlists;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Follows a {@link MentionScenario} through a running pipeline from the outside: reads the outputs read_committed,
 * puts the closers into {@code listener.mentions.raw} once everything else is matched, and waits until the windows and
 * the alerts have caught up. {@code check} runs at every poll (e.g. "the pipeline process is still alive") and fails
 * the wait early with its own message.
 */
public final class ScenarioRun implements AutoCloseable {
  private final MentionScenario scenario;
  private final Map<String, Object> kafka;
  private final CommittedReader matched;
  private final CommittedReader stats;
  private final CommittedReader alerts;
  private final CommittedReader deadLetters;
  private final AtomicReference<PipelineOutcome> latest = new AtomicReference<>();

  /** @param kafka client properties: {@code bootstrap.servers} and any security settings */
  public ScenarioRun(MentionScenario scenario, Map<String, Object> kafka) {
    this.scenario = scenario;
    this.kafka = kafka;
    this.matched = new CommittedReader(kafka, Topics.MENTIONS_MATCHED.name());
    this.stats = new CommittedReader(kafka, Topics.ORG_STATS.name());
    this.alerts = new CommittedReader(kafka, Topics.ALERTS.name());
    this.deadLetters = new CommittedReader(kafka, Topics.DEADLETTER.name());
  }

  /** The outputs now. */
  public PipelineOutcome read() {
    latest.set(PipelineOutcome.of(scenario, matched.readToEnd(), stats.readToEnd(), alerts.readToEnd(),
        deadLetters.readToEnd()));
    return latest.get();
  }

  /** Waits until every mention but the closers is matched, then sends the closers (once, idempotently). */
  public void sendClosersOnceMatched(Duration limit, Runnable check) throws Exception {
    awaitOutcome("every mention but the closers matched", limit, check, PipelineOutcome::readyForClosers);
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, Mention> producer = new KafkaProducer<>(props, new StringSerializer(),
        Topics.MENTIONS_RAW.valueSerde().serializer())) {
      for (Mention closer : scenario.closers()) {
        producer.send(new ProducerRecord<>(Topics.MENTIONS_RAW.name(), closer.id(), closer)).get();
      }
    }
  }

  /** Waits until the outputs satisfy {@code done}; on timeout, says what was still wrong. */
  private void awaitOutcome(String what, Duration limit, Runnable check, Predicate<PipelineOutcome> done) {
    try {
      await(what).atMost(limit).pollInterval(Duration.ofSeconds(2)).until(() -> {
        check.run();
        return done.test(read());
      });
    } catch (ConditionTimeoutException e) {
      PipelineOutcome last = latest.get();
      throw new AssertionError(what + ": not within " + limit + "; "
          + (last == null ? "nothing read" : last.figures() + "; " + last.problems()), e);
    }
  }

  /**
   * Waits until every matched record and window is there, then until the alerts include everything an uninterrupted
   * detector publishes over those windows.
   */
  public PipelineOutcome awaitCaughtUp(Duration limit, Runnable check) {
    awaitOutcome("the pipeline catches up", limit, check, PipelineOutcome::caughtUp);
    Set<String> expected = uninterruptedAlertIds(latest.get());
    await("alert detection catches up").atMost(limit).pollInterval(Duration.ofSeconds(2))
        .until(() -> {
          check.run();
          return ids(read().alerts()).containsAll(expected);
        });
    return latest.get();
  }

  /** What a detector that was never interrupted publishes over the same base windows, for every organisation. */
  public static Set<String> uninterruptedAlertIds(PipelineOutcome outcome) {
    Map<String, Watch> watches = Watchlists.parse(MentionScenario.watchlistYaml("console"), "scenario watchlist",
            Set.of("console")).watches().stream()
        .collect(Collectors.toMap(Watch::orgId, w -> w));
    Set<String> ids = new HashSet<>();
    for (String org : MentionScenario.ORGS) {
      Backtest.replay(org, watches.get(org), MentionScenario.WINDOW, outcome.baseWindows(org)).alerts()
          .forEach(alert -> ids.add(alert.id()));
    }
    return ids;
  }

  /**
   * Asserts that the outputs equal the truth: nothing lost, repeated, unexpected or miscounted; each alert record once;
   * exactly the uninterrupted detector's alerts; the scenario's surge among them.
   */
  public static void assertExact(MentionScenario scenario, PipelineOutcome outcome) {
    assertTrue(outcome.exact(), "discrepancies: " + outcome.problems());
    assertEquals(scenario.matchedPairs(), outcome.matchedRecords(), "matched records");
    List<Alert> alertRecords = outcome.alerts();
    assertEquals(alertRecords.size(), ids(alertRecords).size(), "an alert record was published twice");
    assertEquals(uninterruptedAlertIds(outcome), ids(alertRecords),
        "the alert records differ from an uninterrupted detector's over the same windows");
    assertTrue(alertRecords.stream().anyMatch(a -> a.orgId().equals(MentionScenario.SURGING)
            && a.kind() == AlertKind.VOLUME_SPIKE && a.status() == AlertStatus.FIRING
            && !a.windowStart().isBefore(MentionScenario.surgeStart())
            && a.windowStart().isBefore(MentionScenario.surgeEnd())),
        "the scenario's surge must fire a volume spike: " + alertRecords);
  }

  /**
   * Asserts that every changelog the broker deletes by time (those of window stores) is stamped on append, so that
   * retention cannot delete state written for the scenario's past event times; there must be at least two (dedupe's
   * sightings, the alerts role's recent windows).
   */
  public void assertTimedChangelogsStampedOnAppend() throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      List<ConfigResource> changelogs = admin.listTopics().names().get().stream()
          .filter(name -> name.endsWith("-changelog"))
          .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
      Map<String, String> timestampTypes = new TreeMap<>();
      admin.describeConfigs(changelogs).all().get().forEach((topic, config) -> {
        if (config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value().contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
          timestampTypes.put(topic.name(), config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG).value());
        }
      });
      assertTrue(timestampTypes.size() >= 2, "changelogs deleted by time: " + timestampTypes);
      timestampTypes.forEach((topic, type) -> assertEquals("LogAppendTime", type, topic));
    }
  }

  public static Set<String> ids(List<Alert> alerts) {
    return alerts.stream().map(Alert::id).collect(Collectors.toSet());
  }

  @Override
  public void close() {
    matched.close();
    stats.close();
    alerts.close();
    deadLetters.close();
  }
}
