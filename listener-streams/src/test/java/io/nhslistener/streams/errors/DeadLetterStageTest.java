package io.nhslistener.streams.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeadLetterStageTest {
  @Test
  void stageIsTheNodeNameUpToItsFirstHyphen() {
    assertEquals("windows", DeadLetterStage.of("windows-source"));
    assertEquals("dedupe", DeadLetterStage.of("dedupe-first-sighting"));
  }

  @Test
  void generatedOrMissingNamesAreReportedAsStreams() {
    assertEquals("streams", DeadLetterStage.of("KSTREAM-SOURCE-0000000000"));
    assertEquals("streams", DeadLetterStage.of("windows"));
    assertEquals("streams", DeadLetterStage.of("-x"));
    assertEquals("streams", DeadLetterStage.of(null));
  }
}
