package io.nhslistener.streams.windows;

import static io.nhslistener.streams.windows.WindowTopologyFixture.mention;
import static io.nhslistener.streams.windows.WindowTopologyFixture.neutral;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.TermCount;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStageTest {
  private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration SECOND = Duration.ofSeconds(1);
  /** The defaults without the settle delay: windows close the moment the clock passes end + grace. */
  private static final WindowConfig UNSETTLED = new WindowConfig(MINUTE, Duration.ofSeconds(30),
      WindowConfig.DEFAULTS.rollups(), SECOND, Duration.ZERO);

  @TempDir Path stateDir;

  private WindowTopologyFixture fixture(Instant wallClockStart) {
    return new WindowTopologyFixture(UNSETTLED, 1, wallClockStart, stateDir);
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static List<Instant> starts(List<WindowStats> windows) {
    return windows.stream().map(WindowStats::windowStart).toList();
  }

  private static List<Long> counts(List<WindowStats> windows) {
    return windows.stream().map(WindowStats::count).toList();
  }

  @Test
  void closedWindowCarriesItsStatisticsKeyedByOrganisationAndTimedAtItsEnd() {
    // The wall clock stays an hour ahead and never ticks: only event time closes windows here. The fixture gives
    // every record a timestamp three days after createdAt, so these windows also show createdAt is the event time.
    // No roll-ups configured: listener.org.stats then holds base windows only.
    WindowConfig noRollups = new WindowConfig(MINUTE, Duration.ofSeconds(30), List.of(), SECOND, Duration.ZERO);
    try (WindowTopologyFixture f = new WindowTopologyFixture(noRollups, 1, at(3600), stateDir)) {
      f.watch("trust-a");
      f.pipe(mention("trust-a", "x:1", at(5), "a1", 0.6, SentimentLabel.POSITIVE, List.of("waiting list", "a&e"),
          "mastodon", 3));
      f.pipe(mention("trust-a", "x:2", at(20), "a2", -0.8, SentimentLabel.NEGATIVE, List.of("waiting list"),
          "bluesky", 10));
      f.pipe(mention("trust-a", "x:3", at(40), "a1", 0.0, SentimentLabel.NEUTRAL,
          List.of("corridor care", "corridor care"), "mastodon", 0));
      List<TestRecord<String, WindowStats>> before = f.stats.readRecordsToList();
      assertEquals(List.of(at(-60)), before.stream().map(r -> r.value().windowStart()).toList(),
          "only the window before T0 (the oldest still open when trust-a was first seen) has closed");
      assertEquals(0, before.get(0).value().count());

      f.pipe(neutral("trust-a", "x:4", at(89)));
      assertTrue(f.stats.isEmpty(), "[T0, T0+1m) stays open until its end + grace");
      f.pipe(neutral("trust-a", "x:5", at(90))); // event time reaches T0 + 1 min + 30 s grace

      List<TestRecord<String, WindowStats>> records = f.stats.readRecordsToList();
      assertEquals(1, records.size());
      TestRecord<String, WindowStats> record = records.get(0);
      assertEquals("trust-a", record.key());
      assertEquals(at(60).toEpochMilli() - 1, record.timestamp());

      WindowStats w = record.value();
      assertEquals(at(60), w.windowEnd());
      assertEquals(3, w.count());
      assertEquals(2, w.distinctAuthors());
      assertEquals(List.of(1L, 1L, 1L), List.of(w.positive(), w.neutral(), w.negative()));
      assertEquals((0.6 - 0.8 + 0.0) / 3, w.meanSentiment(), 1e-12);
      assertEquals(List.of(new TermCount("waiting list", 2), new TermCount("a&e", 1),
          new TermCount("corridor care", 1)), w.topTerms());
      assertEquals(List.of("x:2", "x:1", "x:3"), w.samples().stream().map(SampleMention::id).toList(),
          "most engaged first, alternating with most negative, without repeats");
      assertEquals("text of x:2", w.samples().get(0).text());
      assertEquals(Map.of("mastodon", 2L, "bluesky", 1L), w.countBySource());

      assertEquals(2, f.counter(WindowMetrics.EMITTED, WindowMetrics.TAG, "trust-a"));
      assertEquals(3, f.registry.get(WindowMetrics.LAST_COUNT).tag(WindowMetrics.TAG, "trust-a").gauge().value());
      assertEquals(1.0 / 3,
          f.registry.get(WindowMetrics.LAST_NEGATIVE_SHARE).tag(WindowMetrics.TAG, "trust-a").gauge().value(), 1e-12);
      assertEquals(w.meanSentiment(),
          f.registry.get(WindowMetrics.LAST_MEAN_SENTIMENT).tag(WindowMetrics.TAG, "trust-a").gauge().value(), 1e-12);
    }
  }

  @Test
  void lateMentionInsideGraceIsCountedInItsWindow() {
    try (WindowTopologyFixture f = fixture(at(3600))) {
      f.watch("trust-a");
      f.pipe(neutral("trust-a", "x:1", at(10)));
      f.pipe(neutral("trust-a", "x:2", at(70))); // past the window's end, inside its grace
      f.pipe(neutral("trust-a", "x:3", at(50))); // out of order, within grace: counted
      f.pipe(neutral("trust-a", "x:4", at(150))); // closes [T0, T0+1m) and [T0+1m, T0+2m)

      List<WindowStats> windows = f.emitted("trust-a", MINUTE);
      assertEquals(List.of(at(-60), T0, at(60)), starts(windows));
      assertEquals(List.of(0L, 2L, 1L), counts(windows));
      assertTrue(f.deadLetters.isEmpty());
      assertEquals(0, f.counter(WindowMetrics.LATE, WindowMetrics.TAG, "trust-a"));
    }
  }

  @Test
  void mentionBeyondGraceIsDeadLetteredAndCountedNotAddedToAnEmittedWindow() {
    try (WindowTopologyFixture f = fixture(at(3600))) {
      f.watch("trust-a");
      f.pipe(neutral("trust-a", "x:1", at(10)));
      f.pipe(neutral("trust-a", "x:2", at(90))); // exactly end + grace: [T0, T0+1m) closes
      MatchedMention late = neutral("trust-a", "x:late", at(59));
      f.pipe(late);
      f.pipe(neutral("trust-a", "x:3", at(400)));

      List<WindowStats> t0 = f.emitted("trust-a", MINUTE).stream().filter(w -> w.windowStart().equals(T0)).toList();
      assertEquals(1, t0.size(), "emitted once");
      assertEquals(1, t0.get(0).count(), "without the late mention");

      List<TestRecord<byte[], DeadLetter>> letters = f.deadLetters.readRecordsToList();
      assertEquals(1, letters.size());
      DeadLetter letter = letters.get(0).value();
      assertEquals("windows", letter.stage());
      assertTrue(letter.reason().startsWith("late: "), letter.reason());
      assertTrue(letter.reason().contains("2025-03-03T10:00:59Z") && letter.reason().contains("grace PT30S"),
          letter.reason());
      assertEquals(Topics.MENTIONS_MATCHED.name(), letter.origin());
      assertEquals(0, letter.partition());
      assertEquals(2, letter.offset());
      assertEquals("trust-a", new String(letters.get(0).key(), StandardCharsets.UTF_8));
      assertEquals(late, Topics.MENTIONS_MATCHED.valueSerde().deserializer().deserialize("t", letter.value()));

      assertEquals(1, f.counter(WindowMetrics.LATE, WindowMetrics.TAG, "trust-a"));
      assertEquals(1, f.counter("listener.deadletters", "stage", "windows", "reason", "late"));
    }
  }

  @Test
  void mentionReorderedFarBeyondGraceIsCountedWhileTheSettleDelayRuns() {
    // A backlog worked off fast: event time races ahead, and upstream tasks' turns put minutes between neighbours.
    WindowConfig settled = new WindowConfig(MINUTE, Duration.ofSeconds(30), List.of(), SECOND, Duration.ofSeconds(2));
    try (WindowTopologyFixture f = new WindowTopologyFixture(settled, 1, at(3600), stateDir)) {
      f.watch("trust-a");
      f.pipe(neutral("trust-a", "x:1", at(10)));
      f.pipe(neutral("trust-a", "x:2", at(300))); // another upstream task, five minutes ahead
      f.pipe(neutral("trust-a", "x:3", at(20))); // the lagging task's turn, within the same second of wall time
      assertTrue(f.stats.isEmpty(), "nothing closes until the clock has settled");

      f.advanceWallClock(Duration.ofSeconds(3), SECOND);
      List<WindowStats> windows = f.emitted("trust-a", MINUTE);
      assertEquals(List.of(at(-60), T0, at(60), at(120), at(180)), starts(windows));
      assertEquals(List.of(0L, 2L, 0L, 0L, 0L), counts(windows));

      f.pipe(neutral("trust-a", "x:4", at(30))); // settled and still this far behind: late
      assertEquals(1, f.counter(WindowMetrics.LATE, WindowMetrics.TAG, "trust-a"));
      assertEquals(1, f.deadLetters.readRecordsToList().size());
    }
  }

  @Test
  void silentOrganisationGetsZeroWindowsOnTheWallClockWithinGracePlusFiveSeconds() {
    try (WindowTopologyFixture f = fixture(T0)) {
      f.watch("trust-a", "trust-quiet");
      f.advanceWallClock(Duration.ofSeconds(5), SECOND);
      f.pipe(neutral("trust-a", "x:1", at(5))); // live traffic: event time = wall clock
      f.advanceWallClock(Duration.ofSeconds(10), SECOND);
      f.pipe(neutral("trust-a", "x:2", at(15)));

      Map<String, Instant> firstSeen = new HashMap<>();
      for (int second = 16; second <= 300; second++) {
        f.advanceWallClock(SECOND, SECOND);
        for (WindowStats w : f.stats.readValuesToList()) {
          assertNull(firstSeen.putIfAbsent(w.orgId() + "@" + w.windowStart(), at(second)), "emitted once: " + w);
          f.emitted().add(w);
        }
      }

      for (String org : List.of("trust-a", "trust-quiet")) {
        List<WindowStats> windows = f.emitted(org, MINUTE);
        assertEquals(List.of(at(-60), T0, at(60), at(120), at(180)), starts(windows),
            org + ": every interval, in order, no gaps");
        for (WindowStats w : windows) {
          Instant seen = firstSeen.get(org + "@" + w.windowStart());
          assertFalse(seen.isBefore(w.windowEnd().plusSeconds(30)), org + " " + w.windowStart() + " at " + seen);
          assertFalse(seen.isAfter(w.windowEnd().plusSeconds(35)), org + " " + w.windowStart() + " at " + seen);
        }
      }
      assertEquals(List.of(0L, 0L, 0L, 0L, 0L), counts(f.emitted("trust-quiet", MINUTE)));
      assertEquals(List.of(0L, 2L, 0L, 0L, 0L), counts(f.emitted("trust-a", MINUTE)));
    }
  }

  @Test
  void taskThatNeverSawAMentionRunsOnTheWallClock() {
    try (WindowTopologyFixture f = fixture(T0)) {
      f.watch("trust-quiet");
      f.advanceWallClock(Duration.ofSeconds(89), SECOND);
      assertTrue(f.stats.isEmpty());
      f.advanceWallClock(Duration.ofSeconds(3), SECOND);
      List<WindowStats> windows = f.emitted("trust-quiet", MINUTE);
      assertEquals(List.of(T0), starts(windows), "from the first window after start, at its end + grace");
      assertEquals(0, windows.get(0).count());
    }
  }

  @Test
  void onlyTheTaskAnOrganisationHashesToEmitsItsZeroWindows() {
    String home = null;
    String away = null;
    for (int i = 0; home == null || away == null; i++) {
      String org = "trust-" + i;
      int partition = BuiltInPartitioner.partitionForKey(org.getBytes(StandardCharsets.UTF_8), 2);
      if (partition == 0 && home == null) {
        home = org;
      } else if (partition == 1 && away == null) {
        away = org;
      }
    }
    try (WindowTopologyFixture f = new WindowTopologyFixture(UNSETTLED, 2, T0, stateDir)) {
      f.watch(home, away);
      f.advanceWallClock(Duration.ofMinutes(3), SECOND);
      Set<String> orgs = new HashSet<>();
      f.emitted().forEach(w -> orgs.add(w.orgId()));
      assertEquals(Set.of(home), orgs, "the test driver runs task 0 only");
    }
  }

  @Test
  void unwatchedOrganisationStopsOnceItsMentionsAreOut() {
    try (WindowTopologyFixture f = fixture(at(3600))) {
      f.watch("trust-a", "trust-gone");
      f.pipe(neutral("trust-gone", "x:1", at(10)));
      f.unwatch("trust-gone");
      f.pipe(neutral("trust-a", "x:2", at(400)));
      f.pipe(neutral("trust-a", "x:3", at(1000)));

      assertEquals(List.of(at(-60), T0), starts(f.emitted("trust-gone", MINUTE)),
          "its mention's window and the empty one before it, then nothing");
      assertTrue(f.emitted("trust-a", MINUTE).size() > 10);
    }
  }

  @Test
  void rollUpsEqualTheSumOfTheirOneMinuteWindows() {
    try (WindowTopologyFixture f = fixture(at(3 * 3600))) {
      f.watch("trust-a");
      Random random = new Random(42);
      List<String> terms = List.of("waiting list", "a&e", "strike", "corridor care", "ambulance");
      List<String> sources = List.of("mastodon", "bluesky", "reddit");
      SentimentLabel[] labels = SentimentLabel.values();
      Set<String> authors = new HashSet<>();
      int piped = 0;
      for (long second = 0; second < 3600; second += 1 + random.nextInt(40)) {
        SentimentLabel label = labels[random.nextInt(3)];
        double compound = switch (label) {
          case NEGATIVE -> -0.05 - 0.9 * random.nextDouble();
          case NEUTRAL -> 0.0;
          case POSITIVE -> 0.05 + 0.9 * random.nextDouble();
        };
        String author = "author-" + random.nextInt(60);
        authors.add(author);
        f.pipe(mention("trust-a", "x:" + second, at(second), author, compound, label,
            List.of(terms.get(random.nextInt(terms.size())), terms.get(random.nextInt(terms.size()))),
            sources.get(random.nextInt(sources.size())), random.nextInt(50)));
        piped++;
      }
      f.pipe(neutral("trust-a", "x:closer", at(3600 + 30)));

      List<WindowStats> minutes = f.emitted("trust-a", MINUTE);
      List<WindowStats> quarters = f.emitted("trust-a", Duration.ofMinutes(15));
      List<WindowStats> hours = f.emitted("trust-a", Duration.ofHours(1));
      assertEquals(piped, minutes.stream().mapToLong(WindowStats::count).sum());
      assertEquals(List.of(at(-900), T0, at(900), at(1800), at(2700)), starts(quarters));
      assertEquals(List.of(at(-3600), T0), starts(hours));
      assertEquals(authors.size(), hours.get(1).distinctAuthors());

      for (WindowStats rollup : Stream.concat(quarters.stream(), hours.stream()).toList()) {
        List<WindowStats> inside = minutes.stream()
            .filter(m -> !m.windowStart().isBefore(rollup.windowStart()) && !m.windowEnd().isAfter(rollup.windowEnd()))
            .toList();
        assertFalse(inside.isEmpty());
        assertEquals(inside.stream().mapToLong(WindowStats::count).sum(), rollup.count());
        assertEquals(inside.stream().mapToLong(WindowStats::positive).sum(), rollup.positive());
        assertEquals(inside.stream().mapToLong(WindowStats::neutral).sum(), rollup.neutral());
        assertEquals(inside.stream().mapToLong(WindowStats::negative).sum(), rollup.negative());
        double weighted = inside.stream().mapToDouble(m -> m.meanSentiment() * m.count()).sum();
        assertEquals(rollup.count() == 0 ? 0 : weighted / rollup.count(), rollup.meanSentiment(), 1e-9);
        Map<String, Long> bySource = new HashMap<>();
        inside.forEach(m -> m.countBySource().forEach((s, n) -> bySource.merge(s, n, Long::sum)));
        assertEquals(bySource, rollup.countBySource());
        Map<String, Long> byTerm = new HashMap<>();
        inside.forEach(m -> m.topTerms().forEach(t -> byTerm.merge(t.term(), t.count(), Long::sum)));
        Map<String, Long> rolledTerms = new HashMap<>();
        rollup.topTerms().forEach(t -> rolledTerms.put(t.term(), t.count()));
        assertEquals(byTerm, rolledTerms);
      }
      assertEquals(7, f.counter(WindowMetrics.ROLLUPS_EMITTED, WindowMetrics.TAG, "trust-a"));
    }
  }

  @Test
  void unreadableWatchlistRecordIsSkippedAndTheWatchlistKeepsWorking() {
    try (WindowTopologyFixture f = fixture(T0)) {
      f.rulesBytes.pipeInput("trust-bad", "{\"v\":1".getBytes(StandardCharsets.UTF_8));
      f.watch("trust-a");
      f.advanceWallClock(Duration.ofSeconds(95), SECOND);

      assertEquals(List.of("trust-a"), f.emitted().stream().map(WindowStats::orgId).distinct().toList());
      assertTrue(f.deadLetters.isEmpty(), "Kafka Streams cannot dead-letter from a global store's thread");
      assertNull(f.registry.find("listener.deadletters").counter(), "nothing written, nothing counted");
    }
  }

  @Test
  void unreadableRecordIsDeadLetteredWithItsBytesAndTheStageCarriesOn() {
    try (WindowTopologyFixture f = fixture(at(3600))) {
      f.watch("trust-a");
      byte[] poison = "{\"v\":1,\"orgId\":\"trust-a\"".getBytes(StandardCharsets.UTF_8);
      f.matchedBytes.pipeInput("trust-a", poison);
      byte[] missingField = "{\"v\":1,\"orgId\":\"trust-a\",\"ruleIds\":[\"r1\"]}".getBytes(StandardCharsets.UTF_8);
      f.matchedBytes.pipeInput("trust-a", missingField);
      f.pipe(neutral("trust-a", "x:1", at(10)));
      f.pipe(neutral("trust-a", "x:2", at(100)));

      List<DeadLetter> letters = f.deadLetters.readValuesToList();
      assertEquals(2, letters.size());
      for (DeadLetter letter : letters) {
        assertEquals("windows", letter.stage());
        assertTrue(letter.reason().startsWith("malformed: "), letter.reason());
      }
      assertArrayEquals(poison, letters.get(0).value());
      assertTrue(letters.get(1).reason().contains("MatchedMention.mention"), letters.get(1).reason());
      assertEquals(2, f.counter("listener.deadletters", "stage", "windows", "reason", "malformed"));
      assertEquals(List.of(0L, 1L), counts(f.emitted("trust-a", MINUTE)));
    }
  }
}
