package io.nhslistener.app.reliability;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.topic.Topics;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A replayable stream of mentions whose per-organisation truth is known by construction, without any listener code:
 * six organisations, each matched by one word of its own; most mentions name one organisation, some two, some none;
 * one organisation surges for two minutes once the alert detector's warm-up is over.
 *
 * <p>Event time: {@value #WINDOWS} windows of {@link #WINDOW} from {@link #T0}, a fixed morning in the past. The
 * windows stage then closes windows on event time only, provided its grace ({@link #GRACE}) exceeds the run's wall
 * time; a last mention per organisation, {@link #GRACE} after the end (the {@link #closers()}), closes the final
 * windows. The closers must go in only once everything else has been matched: a mention an hour ahead that overtakes
 * the rest (a lagging partition, a killed instance) would make the rest late. Texts have fewer than eight words, so
 * near-duplicate detection never applies and every mention id is a distinct voice.
 */
public final class MentionScenario {
  public static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  public static final Duration WINDOW = Duration.ofSeconds(10);
  public static final int WINDOWS = 240;
  public static final Duration GRACE = Duration.ofHours(1);
  public static final Duration ROLLUP = Duration.ofMinutes(1);
  public static final List<String> ORGS =
      List.of("ashdown", "brackley", "carrow", "dunmore", "elsworth", "fenwick");
  public static final String SURGING = "ashdown";
  public static final int SURGE_FIRST_WINDOW = 180;
  public static final int SURGE_WINDOWS = 12;

  private static final List<String> POSITIVE = List.of("great care today", "thank you staff", "brilliant nurses");
  private static final List<String> NEGATIVE = List.of("awful waiting times", "terrible delays again",
      "angry about closure");
  private static final List<String> NEUTRAL = List.of("parking update", "visiting hours changed", "new clinic opens");
  private static final List<String> UNRELATED = List.of("weather is lovely", "football tonight", "train running late");

  private final List<Mention> mentions;
  private final Map<String, Set<String>> matchedIds;
  private final Map<String, Map<Instant, Long>> windowCounts;

  private MentionScenario(List<Mention> mentions, Map<String, Set<String>> matchedIds,
      Map<String, Map<Instant, Long>> windowCounts) {
    this.mentions = List.copyOf(mentions);
    this.matchedIds = matchedIds;
    this.windowCounts = windowCounts;
  }

  /**
   * Builds {@code total} mentions (at least 100): a tenth in the surge, one opener and one closer per organisation,
   * the rest spread evenly over the windows.
   */
  public static MentionScenario generate(int total, long seed) {
    Random random = new Random(seed);
    List<Planned> planned = new ArrayList<>();
    for (String org : ORGS) {
      planned.add(new Planned(T0, List.of(org), NEUTRAL.get(0)));
    }
    int surge = total / 10;
    int baseline = total - surge - 2 * ORGS.size();
    long spanMs = WINDOW.multipliedBy(WINDOWS).toMillis();
    for (int j = 0; j < baseline; j++) {
      planned.add(new Planned(T0.plusMillis(j * spanMs / baseline), pickOrgs(random), pickPhrase(random)));
    }
    Instant surgeStart = surgeStart();
    long surgeMs = WINDOW.multipliedBy(SURGE_WINDOWS).toMillis();
    for (int k = 0; k < surge; k++) {
      planned.add(new Planned(surgeStart.plusMillis(k * surgeMs / surge), List.of(SURGING),
          NEGATIVE.get(random.nextInt(NEGATIVE.size()))));
    }
    Instant closing = end().plus(GRACE).plus(WINDOW.multipliedBy(2));
    for (String org : ORGS) {
      planned.add(new Planned(closing, List.of(org), NEUTRAL.get(1)));
    }
    planned.sort(Comparator.comparing(Planned::createdAt));

    List<Mention> mentions = new ArrayList<>(planned.size());
    Map<String, Set<String>> matched = new HashMap<>();
    Map<String, Map<Instant, Long>> counts = new HashMap<>();
    for (int i = 0; i < planned.size(); i++) {
      Planned p = planned.get(i);
      String id = "replay:s" + seed + "-" + i;
      String subject = p.orgs().isEmpty() ? "" : String.join(" and ", p.orgs()) + " ";
      mentions.add(Mention.builder(id, "replay", subject + p.phrase() + " " + i, p.createdAt(), p.createdAt())
          .authorKey("author-" + random.nextInt(500))
          .url("https://example.org/posts/" + i)
          .build());
      for (String org : p.orgs()) {
        matched.computeIfAbsent(org, o -> new HashSet<>()).add(id);
        counts.computeIfAbsent(org, o -> new HashMap<>()).merge(windowStart(p.createdAt(), WINDOW), 1L, Long::sum);
      }
    }
    return new MentionScenario(mentions, matched, counts);
  }

  private static List<String> pickOrgs(Random random) {
    double r = random.nextDouble();
    if (r < 0.08) {
      return List.of();
    }
    String first = ORGS.get(random.nextInt(ORGS.size()));
    if (r < 0.15) {
      String second = ORGS.get(random.nextInt(ORGS.size()));
      return second.equals(first) ? List.of(first) : List.of(first, second);
    }
    return List.of(first);
  }

  private static String pickPhrase(Random random) {
    List<String> pool = switch (random.nextInt(3)) {
      case 0 -> POSITIVE;
      case 1 -> NEGATIVE;
      default -> NEUTRAL;
    };
    return pool.get(random.nextInt(pool.size()));
  }

  /** Writes the mentions but the closers as {@code Mention} JSON lines, the replay source's {@code mention} format. */
  public void writeReplay(Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      for (Mention mention : replayed()) {
        out.write(Topics.MENTIONS_RAW.valueSerde().serializer().serialize(null, mention));
        out.write('\n');
      }
    }
  }

  /** The watchlist: one organisation per word, each with one rule matching it, alerts routed to {@code routes}. */
  public static String watchlistYaml(String... routes) {
    StringBuilder yaml = new StringBuilder("organisations:\n");
    for (String org : ORGS) {
      yaml.append("  - id: ").append(org).append('\n')
          .append("    name: ").append(Character.toUpperCase(org.charAt(0))).append(org.substring(1))
          .append(" NHS Trust\n")
          .append("    type: trust\n")
          .append("    rules:\n")
          .append("      - id: name\n")
          .append("        query: '").append(org).append("'\n")
          .append("    routes:\n");
      for (String route : routes) {
        yaml.append("      - ").append(route).append('\n');
      }
    }
    return yaml.toString();
  }

  /** Every mention but the closers, in event-time order. */
  public List<Mention> replayed() {
    return mentions.subList(0, mentions.size() - ORGS.size());
  }

  /** One mention per organisation, {@link #GRACE} after the end: what closes the last windows. */
  public List<Mention> closers() {
    return mentions.subList(mentions.size() - ORGS.size(), mentions.size());
  }

  public int size() {
    return mentions.size();
  }

  /** Ids of the mentions that name {@code org}. */
  public Set<String> matchedIds(String org) {
    return matchedIds.getOrDefault(org, Set.of());
  }

  /** Number of (mention, organisation) pairs: the records listener.mentions.matched must hold. */
  public long matchedPairs() {
    return matchedIds.values().stream().mapToLong(Set::size).sum();
  }

  /** Mentions of {@code org} with event time in {@code [start, start + size)}. */
  public long count(String org, Instant start, Duration size) {
    Instant end = start.plus(size);
    return windowCounts.getOrDefault(org, Map.of()).entrySet().stream()
        .filter(e -> !e.getKey().isBefore(start) && e.getKey().isBefore(end))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** Starts of the windows of {@code size} covering the scenario, which must all be emitted and closed. */
  public static List<Instant> windowStarts(Duration size) {
    List<Instant> starts = new ArrayList<>();
    for (Instant start = T0; start.isBefore(end()); start = start.plus(size)) {
      starts.add(start);
    }
    return starts;
  }

  public static Instant end() {
    return T0.plus(WINDOW.multipliedBy(WINDOWS));
  }

  public static Instant surgeStart() {
    return T0.plus(WINDOW.multipliedBy(SURGE_FIRST_WINDOW));
  }

  public static Instant surgeEnd() {
    return surgeStart().plus(WINDOW.multipliedBy(SURGE_WINDOWS));
  }

  public static Instant windowStart(Instant time, Duration size) {
    return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), size.toMillis()) * size.toMillis());
  }

  private record Planned(Instant createdAt, List<String> orgs, String phrase) {}
}
