package io.nhslistener.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {
  private final ScenarioLoader.Loaded loaded = ScenarioLoader.builtIn();
  private final Scenario scenario = loaded.scenario();

  @Test
  void theSameScenarioAlwaysYieldsTheSameMentions() {
    assertEquals(ScenarioGenerator.generate(scenario, "t1"), ScenarioGenerator.generate(scenario, "t1"));
  }

  @Test
  void mentionsAreInEventTimeOrderWithinTheScenario() {
    List<Mention> mentions = ScenarioGenerator.generate(scenario, "t1");
    Instant end = scenario.start().plus(scenario.length());
    for (int i = 1; i < mentions.size(); i++) {
      assertTrue(!mentions.get(i).createdAt().isBefore(mentions.get(i - 1).createdAt()), "order at " + i);
    }
    assertTrue(mentions.stream().allMatch(m -> !m.createdAt().isBefore(scenario.start())
        && m.createdAt().isBefore(end)));
    assertEquals(mentions.size(), mentions.stream().map(Mention::id).distinct().count(), "ids are unique");
  }

  @Test
  void theCampaignIsCopiedAndRepostedAsWritten() {
    List<Mention> mentions = ScenarioGenerator.generate(scenario, "t1");
    Map<String, Long> byText = mentions.stream().filter(m -> m.text().startsWith("I have signed the petition"))
        .collect(Collectors.groupingBy(Mention::text, Collectors.counting()));
    long campaign = byText.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(300 + 60, campaign);
    assertEquals(60, mentions.stream().filter(m -> m.repostOf() != null).count());
  }

  @Test
  void theSurgeRaisesNorthshireVolumeWellAboveItsMorning() {
    List<Mention> mentions = ScenarioGenerator.generate(scenario, "t1");
    long morningHour = countBetween(mentions, "Northshire", Duration.ofHours(4), Duration.ofHours(5));
    long surgeHour = countBetween(mentions, "Northshire", Duration.ofHours(10).plusMinutes(30),
        Duration.ofHours(11).plusMinutes(30));
    assertTrue(surgeHour > 10 * Math.max(1, morningHour), morningHour + " vs " + surgeHour);
  }

  @Test
  void durationsAcceptCompoundShortForms() {
    Scenario.PostStream surge = scenario.streams().stream().filter(s -> s.theme().equals("maternity-anger"))
        .findFirst().orElseThrow();
    assertEquals(Duration.ofHours(10).plusMinutes(5), surge.from());
  }

  private long countBetween(List<Mention> mentions, String word, Duration from, Duration to) {
    Instant start = scenario.start().plus(from);
    Instant end = scenario.start().plus(to);
    return mentions.stream().filter(m -> !m.createdAt().isBefore(start) && m.createdAt().isBefore(end))
        .filter(m -> m.text().contains(word) || m.text().contains("NHFT")).count();
  }
}
