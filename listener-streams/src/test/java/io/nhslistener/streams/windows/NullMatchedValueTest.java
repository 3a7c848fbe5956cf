package io.nhslistener.streams.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.topic.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A null value on listener.mentions.matched is dead-lettered by the window stage, not counted and not dropped. */
class NullMatchedValueTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path stateDir;

  @Test
  void aNullMatchedMentionIsDeadLetteredAsMalformed() {
    try (WindowTopologyFixture f = new WindowTopologyFixture(WindowConfig.DEFAULTS, 1, T0, stateDir)) {
      f.watch("trust-a");
      f.matchedBytes.pipeInput("trust-a", null, T0);
      List<DeadLetter> letters = f.deadLetters.readValuesToList();
      assertEquals(1, letters.size(), letters.toString());
      assertEquals("windows", letters.get(0).stage());
      assertEquals(Topics.MENTIONS_MATCHED.name(), letters.get(0).origin());
      assertTrue(letters.get(0).reason().startsWith("malformed: ")
          && letters.get(0).reason().contains("MatchedMention"), letters.get(0).reason());
      assertEquals(1.0, f.counter("listener.deadletters", "stage", "windows", "reason", "malformed"));
    }
  }
}
