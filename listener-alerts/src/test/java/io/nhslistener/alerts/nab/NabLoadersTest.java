package io.nhslistener.alerts.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-made corpus in NAB's layout: one 20-row series with one window over rows 10..13. */
class NabLoadersTest {
  @TempDir
  Path dir;

  @Test
  void loadsSeriesWindowsWithFractionalSecondsAndProfiles() throws IOException {
    writeCorpus();

    NabCorpus corpus = NabCorpusLoader.load(dir);

    assertEquals(1, corpus.series().size());
    LabelledSeries series = corpus.series().get(0);
    assertEquals("cat/s.csv", series.name());
    assertEquals(20, series.size());
    assertEquals(3.0, series.value(3));
    assertEquals(List.of(new LabelledWindow(10, 13)), series.windows());
    assertEquals(List.of("standard", "reward_low_FN_rate"), corpus.profiles().stream().map(CostProfile::name).toList());
    assertEquals(2.0, corpus.profiles().get(1).fnWeight());
  }

  @Test
  void scoresResultsAtAThresholdAndRendersTheJsonLine() throws IOException {
    writeCorpus();
    Path results = dir.resolve("results/mydet");
    Files.createDirectories(results.resolve("cat"));
    StringBuilder csv = new StringBuilder("timestamp,value,anomaly_score\n");
    for (int i = 0; i < 20; i++) {
      csv.append(timestamp(i)).append(',').append(i).append(',').append(i == 12 ? "0.9" : "0.1").append('\n');
    }
    Files.writeString(results.resolve("cat/mydet_s.csv"), csv);

    NabReport report = NabEvaluation.scoreResults(dir, results, 0.5);

    // detection at row 12 of window 10..13: σ(-0.5) / σ(-1), worked by hand in NabScorerTest
    assertEquals(0.8597925669097837, report.rawScore(CostProfile.STANDARD), 1e-12);
    assertEquals(100 * (0.8597925669097837 + 1) / 2, report.normalisedScore(CostProfile.STANDARD), 1e-9);
    StringWriter out = new StringWriter();
    NabReportRenderer.render(report, new PrintWriter(out));
    String[] lines = out.toString().split("\n");
    // 100 (0.8598 + 1) / 2 = 92.99 and 100 (0.8598 + 2) / 3 = 95.33
    assertEquals("{\"files\":1,\"windows\":1,\"standard\":92.99,\"low_fn\":95.33}", lines[lines.length - 1]);
  }

  @Test
  void rejectsAWindowEdgeThatIsNotARow() throws IOException {
    writeCorpus();
    Files.writeString(dir.resolve("windows.json"),
        "{\"cat/s.csv\": [[\"2020-01-01 00:10:00.000000\", \"2020-01-01 00:12:30.000000\"]]}");

    IOException e = assertThrows(IOException.class, () -> NabCorpusLoader.load(dir));
    assertTrue(e.getMessage().contains("00:12:30"), e.getMessage());
  }

  @Test
  void rejectsASeriesMissingFromWindowsJson() throws IOException {
    writeCorpus();
    Files.writeString(dir.resolve("windows.json"), "{}");

    assertThrows(IOException.class, () -> NabCorpusLoader.load(dir));
  }

  private void writeCorpus() throws IOException {
    Files.createDirectories(dir.resolve("data/cat"));
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    for (int i = 0; i < 20; i++) {
      csv.append(timestamp(i)).append(',').append(i).append(".0\n");
    }
    Files.writeString(dir.resolve("data/cat/s.csv"), csv);
    Files.writeString(dir.resolve("windows.json"),
        "{\"cat/s.csv\": [[\"" + timestamp(10) + ".000000\", \"" + timestamp(13) + ".000000\"]]}");
    Files.writeString(dir.resolve("profiles.json"), "{\"standard\": {\"CostMatrix\": {\"tpWeight\": 1.0, "
        + "\"fnWeight\": 1.0, \"fpWeight\": 0.11, \"tnWeight\": 1.0}}, \"reward_low_FN_rate\": {\"CostMatrix\": "
        + "{\"tpWeight\": 1.0, \"fnWeight\": 2.0, \"fpWeight\": 0.11, \"tnWeight\": 1.0}}}");
  }

  private static String timestamp(int minute) {
    return String.format("2020-01-01 00:%02d:00", minute);
  }
}
