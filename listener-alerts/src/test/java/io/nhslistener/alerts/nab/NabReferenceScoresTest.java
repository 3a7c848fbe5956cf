package io.nhslistener.alerts.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scorer reproduces NAB's own per-file scores of Numenta's HTM output in the shared development set. */
class NabReferenceScoresTest {

  // Numenta's optimised thresholds as NAB recorded them in config/thresholds.json (the CSVs round them).
  @ParameterizedTest
  @CsvSource({
      "standard, 0.5421876907348634",
      "reward_low_FP_rate, 0.5751955032348636",
      "reward_low_FN_rate, 0.5421876907348634"})
  void reproducesEveryPerFileScore(String profileName, double threshold) throws IOException {
    Path dir = NabDevSet.require();
    NabReport report = NabEvaluation.scoreResults(dir, dir.resolve("reference/numenta"), threshold);
    CostProfile profile = report.profiles().stream().filter(p -> p.name().equals(profileName)).findFirst().orElseThrow();
    Map<String, Double> expected = referenceScores(dir.resolve("reference/numenta_" + profileName + "_scores.csv"));

    assertEquals(expected.keySet(), report.files().stream().map(NabReport.FileResult::name).collect(Collectors.toSet()));
    for (NabReport.FileResult file : report.files()) {
      assertEquals(expected.get(file.name()), file.scores().get(profile).score(), 1e-6, file.name());
    }
  }

  private static Map<String, Double> referenceScores(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    int file = header.indexOf("File");
    int score = header.indexOf("Score");
    return lines.stream().skip(1).map(l -> l.split(","))
        .collect(Collectors.toMap(c -> c[file], c -> Double.parseDouble(c[score])));
  }
}
