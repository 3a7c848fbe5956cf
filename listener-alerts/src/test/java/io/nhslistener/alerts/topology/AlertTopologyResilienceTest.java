package io.nhslistener.alerts.topology;

import static io.nhslistener.alerts.topology.AlertTopologyTest.HISTORY;
import static io.nhslistener.alerts.topology.AlertTopologyTest.ORG;
import static io.nhslistener.alerts.topology.AlertTopologyTest.raised;
import static io.nhslistener.alerts.topology.AlertTopologyTest.starts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays, restarts, roll-ups, poison records and bad watches, at topology level. */
class AlertTopologyResilienceTest {
  @TempDir Path stateDir;

  /** A quiet spell, a burst that turns negative and grows, and the way back: volume and sentiment alerts. */
  private static List<WindowStats> incident() {
    return new StatsSeries(ORG, 10).poisson(HISTORY, 30, 0.2).add(120, 0.5, "closure").poisson(6, 90, 0.6)
        .poisson(100, 30, 0.2).windows();
  }

  private List<Alert> run(List<WindowStats> windows, String dir) {
    try (DetectionFixture f = new DetectionFixture(stateDir.resolve(dir))) {
      f.pipe(windows);
      return f.alerts();
    }
  }

  @Test
  void replayingTheSameInputYieldsTheSameAlertIds() {
    List<Alert> first = run(incident(), "first");
    List<Alert> second = run(incident(), "second");

    assertTrue(raised(first).size() >= 2, "the incident must raise alerts: " + first);
    assertEquals(first.stream().map(Alert::id).toList(), second.stream().map(Alert::id).toList());
    assertEquals(first, second);
  }

  @Test
  void redeliveredWindowsAreNotJudgedAgain() {
    List<WindowStats> windows = incident();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(windows);
      List<Alert> once = f.alerts();
      OrgState state = f.stateStore().get(ORG);

      f.pipe(windows.subList(HISTORY - 5, HISTORY + 10));
      f.pipe(windows.get(windows.size() - 1));

      assertEquals(once, f.alerts());
      assertArrayEquals(state.detector(), f.stateStore().get(ORG).detector());
    }
  }

  @Test
  void restartMidEpisodeNeitherLosesNorRepeatsAnAlert() {
    List<WindowStats> windows = incident();
    List<Alert> straight = run(windows, "straight");
    int split = HISTORY + 3; // inside the episode that opened at HISTORY
    assertTrue(straight.stream().anyMatch(a -> StatsSeries.indexOf(a.windowStart()) < split)
        && straight.stream().anyMatch(a -> StatsSeries.indexOf(a.windowStart()) >= split),
        "alerts on both sides of the restart: " + straight);

    List<Alert> restarted = new ArrayList<>();
    DetectionFixture.Stores stores;
    try (DetectionFixture before = new DetectionFixture(stateDir.resolve("before"))) {
      before.pipe(windows.subList(0, split));
      restarted.addAll(before.alerts());
      stores = before.snapshot();
    }
    try (DetectionFixture after = new DetectionFixture(stateDir.resolve("after"))) {
      after.restore(stores);
      // input read since the last commit comes again after a restart
      after.pipe(windows.subList(split - 3, windows.size()));
      restarted.addAll(after.alerts());
    }

    assertEquals(straight, restarted);
  }

  @Test
  void rollUpsAreIgnored() {
    List<WindowStats> base = new StatsSeries(ORG, 3).poisson(HISTORY, 40, 0.2).add(200, 0.2, "closure")
        .poisson(40, 40, 0.2).windows();
    List<WindowStats> mixed = new ArrayList<>();
    // a roll-up before any base window: the organisation has no state yet
    mixed.add(StatsSeries.rollup(ORG, 0, Duration.ofHours(1), 2400));
    long quarter = 0;
    for (int i = 0; i < base.size(); i++) {
      if (i == HISTORY - 1) {
        // a 15-minute roll-up starting after the last judged window, big enough to be a spike if it were judged
        mixed.add(StatsSeries.rollup(ORG, i, Duration.ofMinutes(15), 900));
      }
      mixed.add(base.get(i));
      quarter += base.get(i).count();
      if (i % 15 == 14) {
        mixed.add(StatsSeries.rollup(ORG, i - 14, Duration.ofMinutes(15), quarter));
        quarter = 0;
      }
    }

    List<Alert> alerts = run(mixed, "mixed");

    assertEquals(List.of(HISTORY), starts(raised(alerts)));
    assertEquals(run(base, "base"), alerts);
  }

  @Test
  void rollUpsLeaveTheStateAlone() {
    List<WindowStats> base = new StatsSeries(ORG, 3).poisson(20, 40, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipe(StatsSeries.rollup(ORG, 0, Duration.ofMinutes(15), 600));
      assertEquals(null, f.stateStore().get(ORG));

      f.pipe(base);
      OrgState state = f.stateStore().get(ORG);
      f.pipe(StatsSeries.rollup(ORG, 25, Duration.ofMinutes(15), 600));

      assertEquals(StatsSeries.start(19), f.stateStore().get(ORG).lastWindowStart());
      assertArrayEquals(state.detector(), f.stateStore().get(ORG).detector());
    }
  }

  @Test
  void poisonRecordIsDeadLetteredWithItsBytesCountedAndTheTopologyCarriesOn() {
    byte[] poison = "{\"v\":1,\"orgId\":\"trust-a\"".getBytes(StandardCharsets.UTF_8);
    List<WindowStats> windows = new StatsSeries(ORG, 3).poisson(3, 40, 0.2).windows();

    try (DetectionFixture f = DetectionFixture.atLeastOnce(stateDir)) {
      f.pipe(windows.get(0));
      f.pipeBytes(ORG, poison);
      f.pipe(windows.subList(1, 3));

      List<DeadLetter> letters = f.deadLetters();
      assertEquals(1, letters.size());
      DeadLetter letter = letters.get(0);
      assertEquals("alerts", letter.stage());
      assertTrue(letter.reason().startsWith("malformed: "), letter.reason());
      assertEquals(Topics.ORG_STATS.name(), letter.origin());
      assertArrayEquals(poison, letter.value());
      assertArrayEquals(ORG.getBytes(StandardCharsets.UTF_8), letter.key());
      assertEquals(1.0, f.counter("listener.deadletters", "stage", "alerts", "reason", "malformed"));
      assertEquals(StatsSeries.start(2), f.stateStore().get(ORG).lastWindowStart(), "later windows were judged");
    }
  }

  @Test
  void windowBreakingItsRecordRulesIsDeadLetteredAsMalformed() {
    // readable JSON, but the counts do not add up
    String valid = new JsonSerde<>(WindowStats.class).toJson(StatsSeries.window(ORG, 0, 10, 0.2, "usual"));
    String json = valid.replace("\"count\":10,", "\"count\":11,");
    assertTrue(!json.equals(valid), "the test must break the record: " + valid);

    try (DetectionFixture f = DetectionFixture.atLeastOnce(stateDir)) {
      f.pipeBytes(ORG, json.getBytes(StandardCharsets.UTF_8));

      List<DeadLetter> letters = f.deadLetters();
      assertEquals(1, letters.size());
      assertTrue(letters.get(0).reason().startsWith("malformed: WindowStats.count"), letters.get(0).reason());
      assertEquals(null, f.stateStore().get(ORG));
    }
  }

  @Test
  void windowKeyedByAnotherOrganisationIsDeadLetteredAsMalformed() {
    WindowStats window = StatsSeries.window(ORG, 0, 10, 0.2, "usual");
    byte[] bytes = Topics.ORG_STATS.valueSerde().serializer().serialize(Topics.ORG_STATS.name(), window);

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.pipeBytes("trust-b", bytes);

      List<DeadLetter> letters = f.deadLetters();
      assertEquals(1, letters.size());
      assertEquals("alerts", letters.get(0).stage());
      assertTrue(letters.get(0).reason().startsWith("malformed: RecordFormatException: WindowStats.orgId"),
          letters.get(0).reason());
      assertArrayEquals(bytes, letters.get(0).value());
      assertEquals(1.0, f.counter("listener.deadletters", "stage", "alerts", "reason", "malformed"));
      assertEquals(null, f.stateStore().get(ORG));
      assertEquals(null, f.stateStore().get("trust-b"));
    }
  }

  @Test
  void unreadableWatchIsSkippedCountedAndThePreviousSettingsStay() {
    List<WindowStats> series = new StatsSeries(ORG, 8).poisson(HISTORY, 40, 0.2).add(75, 0.2, "usual")
        .poisson(10, 40, 0.2).windows();

    try (DetectionFixture f = new DetectionFixture(stateDir)) {
      f.watch(ORG, new AlertSettings(0.25, 5, null, false));
      f.pipeRuleBytes(ORG, "{\"v\":1,\"org\":".getBytes(StandardCharsets.UTF_8));
      f.pipe(series);

      assertEquals(1.0, f.counter(DetectionMeters.UNREADABLE_WATCHES));
      assertEquals(List.of(), f.alerts(), "the dull settings still apply; the defaults would alert at " + HISTORY);
    }
  }

  @Test
  void everyNodeAndStoreIsNamedForTheStage() {
    TopologyDescription description = AlertTopology.buildTopology(Duration.ofMinutes(1),
        new DetectionMeters(new SimpleMeterRegistry()), null).describe();

    Set<String> names = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    description.subtopologies().forEach(s -> s.nodes().forEach(n -> {
      names.add(n.name());
      if (n instanceof TopologyDescription.Processor p) {
        stores.addAll(p.stores());
      }
    }));
    description.globalStores().forEach(g -> {
      names.add(g.source().name());
      names.add(g.processor().name());
      stores.addAll(g.processor().stores());
    });

    assertEquals(Set.of("alerts-source-stats", "alerts-detect", "alerts-sink", "alerts-source-rules",
        "alerts-watchlist-update"), names);
    assertEquals(Set.of(AlertTopology.STATE_STORE, AlertTopology.RECENT_STORE, AlertTopology.WATCHLIST_STORE), stores);
  }

  @Test
  void alertIdsDependOnOrganisationKindWindowAndStatusOnly() {
    List<Alert> alerts = run(incident(), "ids");

    for (Alert alert : alerts) {
      assertEquals(Alert.idFor(alert.orgId(), alert.kind(), alert.windowStart(), alert.status()), alert.id());
    }
    assertTrue(alerts.stream().anyMatch(a -> a.kind() == AlertKind.SENTIMENT_DROP), alerts.toString());
    assertTrue(alerts.stream().anyMatch(a -> a.status() == AlertStatus.RESOLVED), alerts.toString());
  }
}
