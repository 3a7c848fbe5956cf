package io.nhslistener.streams.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.text.SocialTextAnalyzer;
import io.nhslistener.core.watch.LoadedWatchlist;
import io.nhslistener.core.watch.ParsedQuery;
import io.nhslistener.core.watch.QueryProblem;
import io.nhslistener.core.watch.RuleQueryParser;
import io.nhslistener.core.watch.WatchlistLoader;
import io.nhslistener.streams.StagesFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of {@code docs/rules.md}: each query of the feature table matches its "Matches" mention and not its
 * "Does not match" mention when run through the matching topology; each query of the rejection table is rejected with
 * the message shown; each watchlist snippet is valid.
 */
class RulesDocExamplesTest {
  private static final Path DOC = Path.of("..", "docs", "rules.md");
  private static final Pattern MENTION_CELL = Pattern.compile("`([^`]*)`(?:\\s*\\(([^)]*)\\))?");

  private static List<String> lines;

  @BeforeAll
  static void readDoc() throws IOException {
    lines = Files.readAllLines(DOC);
  }

  /** Rows of the table whose header row is {@code header}, as trimmed cells without the outer pipes. */
  private static List<List<String>> table(String header) {
    List<List<String>> rows = new ArrayList<>();
    int at = lines.indexOf(header);
    assertTrue(at >= 0, "docs/rules.md has no table with header " + header);
    for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String line = lines.get(i);
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split(" \\| ")) {
        cells.add(cell.trim());
      }
      rows.add(cells);
    }
    return rows;
  }

  private static String code(String cell) {
    Matcher m = MENTION_CELL.matcher(cell);
    assertTrue(m.matches(), "not a `code` cell: " + cell);
    return m.group(1);
  }

  /** A mention from a table cell: {@code `text`}, optionally followed by {@code (lang: cy, source: reddit)}. */
  private static Mention mention(String id, String cell) {
    Matcher m = MENTION_CELL.matcher(cell);
    assertTrue(m.matches(), "not a mention cell: " + cell);
    Map<String, String> attributes = new HashMap<>();
    if (m.group(2) != null) {
      for (String pair : m.group(2).split(",")) {
        attributes.put(pair.substring(0, pair.indexOf(':')).trim(), pair.substring(pair.indexOf(':') + 1).trim());
      }
    }
    assertTrue(Set.of("lang", "source").containsAll(attributes.keySet()), "unknown attribute in " + cell);
    return StagesFixture.mention(attributes.getOrDefault("source", "doc") + ":" + id, m.group(1), 0)
        .lang(attributes.get("lang"))
        .build();
  }

  @Test
  void everyQueryOfTheFeatureTableMatchesWhatItSaysInTheTopology(@TempDir Path stateDir) {
    List<List<String>> rows = table("| Query | Matches | Does not match |");
    assertTrue(rows.size() >= 20, "the feature table lost rows: " + rows.size());
    try (StagesFixture stages = StagesFixture.matching(stateDir)) {
      for (int i = 0; i < rows.size(); i++) {
        stages.watch("doc-" + i, "example=" + code(rows.get(i).get(0)));
      }
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        List<String> row = rows.get(i);
        String org = "doc-" + i;
        stages.unique(mention(i + "-yes", row.get(1)));
        Set<String> yes = orgs(stages.matched.readValuesToList());
        stages.unique(mention(i + "-no", row.get(2)));
        Set<String> no = orgs(stages.matched.readValuesToList());
        if (!yes.contains(org)) {
          failures.add(row.get(0) + " should match " + row.get(1));
        }
        if (no.contains(org)) {
          failures.add(row.get(0) + " should not match " + row.get(2));
        }
      }
      assertEquals(List.of(), failures);
    }
  }

  @Test
  void everyQueryOfTheRejectionTableIsRejectedWithTheDocumentedMessage() {
    RuleQueryParser parser = new RuleQueryParser(new SocialTextAnalyzer());
    List<List<String>> rows = table("| Query | Rejected with |");
    assertTrue(rows.size() >= 10, "the rejection table lost rows: " + rows.size());
    for (List<String> row : rows) {
      ParsedQuery parsed = parser.parse(code(row.get(0)));
      List<String> reasons = parsed.problems().stream().map(QueryProblem::reason).toList();
      assertTrue(reasons.stream().anyMatch(r -> r.contains(row.get(1))),
          row.get(0) + " should be rejected with '" + row.get(1) + "', got " + reasons);
    }
  }

  @Test
  void everyWatchlistSnippetIsValid() {
    String doc = String.join("\n", lines);
    Matcher blocks = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
    int checked = 0;
    while (blocks.find()) {
      LoadedWatchlist loaded = new WatchlistLoader(new RuleQueryParser(new SocialTextAnalyzer()), null)
          .parse(blocks.group(1));
      assertEquals(List.of(), loaded.problems());
      assertTrue(!loaded.watches().isEmpty());
      checked++;
    }
    assertTrue(checked > 0, "docs/rules.md has no yaml snippet");
  }

  private static Set<String> orgs(List<MatchedMention> matched) {
    return matched.stream().map(MatchedMention::orgId).collect(Collectors.toSet());
  }
}
