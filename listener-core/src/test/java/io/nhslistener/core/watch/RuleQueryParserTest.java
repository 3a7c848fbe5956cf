package io.nhslistener.core.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.text.SocialTextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleQueryParserTest {
  private final RuleQueryParser parser = new RuleQueryParser(new SocialTextAnalyzer());

  private QueryProblem onlyProblem(String query) {
    ParsedQuery parsed = parser.parse(query);
    assertEquals(1, parsed.problems().size(), () -> "problems of " + query + ": " + parsed.problems());
    return parsed.problems().get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "nhs",
      "#NHS OR @NHSEngland",
      "\"ward closure\"~3 AND leeds",
      "(leeds OR bradford) AND hospital* -jobs",
      "wom?n AND NOT lang:fr",
      "domain:bbc.co.uk AND source:rss",
      "NHS-England",
  })
  void acceptsTheDocumentedFeatures(String query) {
    ParsedQuery parsed = parser.parse(query);
    assertTrue(parsed.isValid(), () -> parsed.problems().toString());
  }

  @Test
  void aTermThatAnalysesToSeveralWordsBecomesAPhrase() {
    assertEquals("text:\"nhs england\"", parser.parse("NHS-England").query().toString());
    assertEquals("text:#nhs text:nhs", parser.parse("#NHS NHS").query().toString());
  }

  @Test
  void unknownFieldIsReportedAtTheFieldName() {
    QueryProblem problem = onlyProblem("leeds AND author:bob");
    assertEquals(11, problem.position());
    assertTrue(problem.reason().startsWith("unknown field 'author'"), problem.reason());
  }

  @Test
  void lowerCaseOperatorIsReportedAtTheWord() {
    QueryProblem problem = onlyProblem("nhs and leeds");
    assertEquals(5, problem.position());
    assertTrue(problem.reason().contains("write AND for the operator"), problem.reason());
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    QueryProblem unexpected = onlyProblem("leeds AND (ward OR)");
    assertEquals(19, unexpected.position());
    assertEquals("unexpected ')'", unexpected.reason());
    QueryProblem unclosed = onlyProblem("\"ward closure");
    assertTrue(unclosed.reason().contains("quote is not closed"), unclosed.reason());
    QueryProblem early = onlyProblem("leeds AND");
    assertEquals(9, early.position());
    assertTrue(early.reason().startsWith("the query ends too early"), early.reason());
  }

  @Test
  void reportsEveryRuleLanguageProblemInOneQuery() {
    ParsedQuery parsed = parser.parse("ho* OR leeds~ OR /wa.d/ OR [a TO b] OR title:x");
    assertEquals(List.of(1, 8, 18, 28, 40), parsed.problems().stream().map(QueryProblem::position).toList());
  }

  @Test
  void groupsOfOnlyExclusionsAndEmptyQueriesMatchNothingAndAreRejected() {
    assertTrue(onlyProblem("NOT jobs").reason().startsWith("the query matches nothing"));
    assertTrue(onlyProblem("leeds AND (NOT jobs)").reason().startsWith("a group made only of exclusions"));
    assertTrue(onlyProblem("   ").reason().contains("empty"));
    assertTrue(onlyProblem("\u2764\uFE0F").reason().contains("nothing searchable"));
  }

  @Test
  void andAndOrMixedWithoutBracketsAreReportedAtTheOperatorThatMixesThem() {
    QueryProblem problem = onlyProblem("leeds OR bradford AND hospital");
    assertEquals(19, problem.position());
    assertTrue(problem.reason().startsWith("AND and OR are mixed without brackets"), problem.reason());
    assertTrue(parser.parse("(leeds OR bradford) AND hospital").isValid());
    assertTrue(parser.parse("leeds OR (bradford AND hospital) OR \"a AND b\"").isValid());
    assertEquals(2, parser.parse("(a AND b OR c) AND (d OR e AND f)").problems().size());
  }

  @Test
  void leadingWildcardAndMatchAllAreRejected() {
    assertTrue(onlyProblem("*ward").reason().contains("at least 3 characters"));
    assertTrue(onlyProblem("*:*").reason().contains("every mention"));
  }
}
