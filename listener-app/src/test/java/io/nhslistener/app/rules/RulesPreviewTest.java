package io.nhslistener.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.serde.Json;
import io.nhslistener.core.serde.JsonSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code listener rules preview --query} over an archive file: no broker involved. */
class RulesPreviewTest {
  @TempDir Path dir;

  private Path archive() throws Exception {
    JsonSerde<Mention> serde = new JsonSerde<>(Mention.class);
    Instant nine = Instant.parse("2026-03-02T09:10:00Z");
    List<String> lines = new ArrayList<>();
    lines.add(serde.toJson(mention("mastodon:1", "Six hours in A&E at Leeds General tonight", nine)));
    lines.add(serde.toJson(mention("mastodon:2", "Lovely walk in Harrogate", nine.plusSeconds(60))));
    lines.add("{\"v\":1,\"id\":\"broken\"}");
    lines.add(serde.toJson(mention("reddit:3", "Leeds ward closure\nannounced", nine.plusSeconds(3600))));
    lines.add(serde.toJson(mention("reddit:4", "Leeds United won again", nine.plusSeconds(3700))));
    return Files.write(dir.resolve("mentions.jsonl"), lines);
  }

  private static Mention mention(String id, String text, Instant at) {
    return Mention.builder(id, id.substring(0, id.indexOf(':')), text, at, at.plusSeconds(1)).build();
  }

  @Test
  void printsEachMatchHighlightedThenMatchesPerHourAndTheRate() throws Exception {
    CommandRun run = CommandRun.of("rules", "preview", "--query", "leeds AND (\"a&e\" OR ward) -united", "--file",
        archive().toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of(
        "2026-03-02T09:10:00Z  mastodon:1  draft [draft]  Six hours in [[A&E]] at [[Leeds]] General tonight",
        "2026-03-02T10:10:00Z  reddit:3  draft [draft]  [[Leeds]] [[ward]] closure announced",
        "matches per hour (UTC):",
        "  2026-03-02T09:00:00Z  1",
        "  2026-03-02T10:00:00Z  1",
        "matched 2 of 4 mentions (50.0%), 2 matches"), run.outLines());
    assertTrue(run.err().contains("line 3: skipped, Mention."), run.err());
  }

  @Test
  void jsonGivesOneObjectPerMatchAndASummary() throws Exception {
    CommandRun run = CommandRun.of("rules", "preview", "--query", "leeds", "--file", archive().toString(), "--json");
    assertEquals(0, run.exitCode(), run.err());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.outLines()) {
      lines.add(Json.mapper().readTree(line));
    }
    assertEquals(4, lines.size());
    JsonNode first = lines.get(0);
    assertEquals("mastodon:1", first.get("id").asText());
    assertEquals("draft", first.get("orgId").asText());
    assertEquals("draft", first.get("ruleIds").get(0).asText());
    assertEquals("leeds", first.get("terms").get(0).asText());
    JsonNode summary = lines.get(3);
    assertTrue(summary.get("summary").asBoolean());
    assertEquals(4, summary.get("mentions").asInt());
    assertEquals(3, summary.get("matched").asInt());
    assertEquals(0.75, summary.get("matchRate").asDouble(), 1e-9);
    assertEquals(2, summary.get("perHour").get("2026-03-02T10:00:00Z").asInt());
  }

  @Test
  void anInvalidDraftQueryIsRejectedWithItsPosition() throws Exception {
    CommandRun run = CommandRun.of("rules", "preview", "--query", "leeds AND (ward OR)", "--file",
        archive().toString());
    assertEquals(1, run.exitCode());
    assertEquals("query at character 19: unexpected ')'", run.errLines().get(0));
    assertEquals("", run.out());
  }

  @Test
  void withoutQueryOrOrganisationItIsAUsageError() throws Exception {
    CommandRun run = CommandRun.of("rules", "preview", "--file", archive().toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("give --query, --org or both"), run.err());
  }
}
