package io.nhslistener.streams.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.junit.jupiter.api.Test;

class RuleVocabularyTest {
  private static final String TEXT = "text";

  private static Query term(String text) {
    return new TermQuery(new Term(TEXT, text));
  }

  private static boolean keeps(RuleVocabulary vocabulary, String field, String token) {
    char[] chars = ("  " + token).toCharArray();
    return vocabulary.forField(field).keeps(chars, 2, token.length());
  }

  @Test
  void aRuleReadsItsRequiredExcludedAndPhraseTerms() {
    Query query = new BooleanQuery.Builder()
        .add(term("leeds"), Occur.MUST)
        .add(term("jobs"), Occur.MUST_NOT)
        .add(new PhraseQuery(TEXT, "car", "park"), Occur.MUST_NOT)
        .add(new TermQuery(new Term("lang", "en")), Occur.FILTER)
        .build();
    RuleTerms terms = RuleTerms.of(query);
    assertEquals(Map.of(TEXT, Set.of("leeds", "jobs", "car", "park"), "lang", Set.of("en")), terms.exact());
    assertEquals(Map.of(), terms.prefixes());
  }

  @Test
  void prefixAndWildcardTermsAreReadByTheirFirstLiteralCharacters() {
    Query query = new BooleanQuery.Builder()
        .add(new PrefixQuery(new Term(TEXT, "vaccin")), Occur.SHOULD)
        .add(new WildcardQuery(new Term(TEXT, "hosp?tal*")), Occur.SHOULD)
        .build();
    assertEquals(Map.of(TEXT, Set.of("vac", "hos")), RuleTerms.of(query).prefixes());
  }

  @Test
  void termsThatCannotBeListedAreReportedAsSuch() {
    assertNull(RuleTerms.of(new FuzzyQuery(new Term(TEXT, "leeds"))));
    assertNull(RuleTerms.of(new WildcardQuery(new Term(TEXT, "h*"))));
    assertNull(RuleTerms.of(new BooleanQuery.Builder().add(term("leeds"), Occur.MUST)
        .add(new MatchAllDocsQuery(), Occur.SHOULD).build()));
  }

  @Test
  void theVocabularyKeepsTheRulesTermsAndWordsBeginningLikeTheirPatterns() {
    RuleVocabulary vocabulary = RuleVocabulary.of(List.of(
        RuleTerms.of(new BooleanQuery.Builder().add(term("leeds"), Occur.MUST).add(term("jobs"), Occur.MUST_NOT)
            .build()),
        RuleTerms.of(new PrefixQuery(new Term(TEXT, "vaccin")))));
    assertTrue(keeps(vocabulary, TEXT, "leeds"));
    assertTrue(keeps(vocabulary, TEXT, "jobs"));
    assertTrue(keeps(vocabulary, TEXT, "vaccines"));
    assertTrue(keeps(vocabulary, TEXT, "vacuum"), "a superset of the pattern: the same first characters");
    assertFalse(keeps(vocabulary, TEXT, "va"));
    assertFalse(keeps(vocabulary, TEXT, "york"));
    assertFalse(keeps(vocabulary, TEXT, "leed"));
    assertFalse(keeps(vocabulary, "lang", "en"), "no rule reads the field");
    assertTrue(keeps(RuleVocabulary.EVERYTHING, TEXT, "york"));
  }
}
