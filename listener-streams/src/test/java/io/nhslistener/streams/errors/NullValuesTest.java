package io.nhslistener.streams.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.streams.StagesFixture;
import io.nhslistener.streams.dedupe.DedupeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A null value on a mention topic is a poison pill: dead-lettered where it entered, never silently dropped. */
class NullValuesTest {
  @TempDir Path stateDir;

  @Test
  void aNullRawOrUniqueMentionIsDeadLetteredWithItsOriginAndTheNextOneFlows() {
    try (StagesFixture f = StagesFixture.both(new DedupeConfig(Duration.ofHours(1), 3, 8, true), stateDir)) {
      f.watch("trust-a", "name=\"trust a\"");
      f.rawBytes.pipeInput("raw:1", null, StagesFixture.T0);
      f.uniqueBytes.pipeInput("unique:1", null, StagesFixture.T0);
      f.raw(StagesFixture.mention("raw:2", "trust a is fine", 1).build());

      List<DeadLetter> letters = f.deadLetters.readValuesToList();
      assertEquals(2, letters.size(), letters.toString());
      DeadLetter raw = letters.stream().filter(l -> l.origin().equals(Topics.MENTIONS_RAW.name())).findFirst()
          .orElseThrow();
      assertEquals("dedupe", raw.stage());
      assertTrue(raw.reason().startsWith("malformed: "), raw.reason());
      assertNull(raw.value());
      DeadLetter unique = letters.stream().filter(l -> l.origin().equals(Topics.MENTIONS_UNIQUE.name())).findFirst()
          .orElseThrow();
      assertEquals("match", unique.stage());
      assertTrue(unique.reason().startsWith("malformed: "), unique.reason());
      assertEquals(List.of("raw:2"), f.matched.readValuesToList().stream().map(m -> m.mention().id()).toList());
      assertEquals(1, f.registry.get("listener.deadletters").tags("stage", "dedupe", "reason", "malformed").counter()
          .count());
    }
  }
}
