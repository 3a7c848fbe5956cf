package io.nhslistener.alerts.nab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The detector's targets on the shared NAB development set (skipped when the set is absent). */
class NabDetectorDevSetTest {

  @Test
  void meetsTheTargetsOnTheDevelopmentSet() throws IOException {
    Path dir = NabDevSet.require();

    NabReport report = NabEvaluation.runDetector(dir, 1.0);

    String json = NabReportRenderer.jsonLine(report);
    assertTrue(report.normalisedScore(CostProfile.STANDARD) >= 71, json);
    assertTrue(report.normalisedScore(CostProfile.REWARD_LOW_FP_RATE) >= 64, json);
    assertTrue(report.normalisedScore(CostProfile.REWARD_LOW_FN_RATE) >= 75, json);
  }
}
