package io.nhslistener.streams.match;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.text.MentionFields;
import io.nhslistener.core.text.SocialTextAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * The gate stops exactly the mentions that cannot select a rule part: those missing a term of one of its passes.
 * (That it never stops a mention the Monitor would match is {@link GateSoundnessTest}'s.)
 */
class CandidateGateTest {
  private final SocialTextAnalyzer analyzer = new SocialTextAnalyzer();

  @Test
  void aMentionWithTheRulesFirstPassTermButNotItsSecondIsStopped() {
    CandidateGate gate = gate(Presearchers.multipass(3), "org/leeds-maternity", and(term("leeds"), term("maternity")));
    assertFalse(passes(gate, "Rain all day in Leeds"));
    assertFalse(passes(gate, "The maternity unit is busy"));
    assertTrue(passes(gate, "Leeds maternity unit to close"));
  }

  @Test
  void aSinglePassPresearcherNeedsTheFirstTermOnly() {
    CandidateGate gate = gate(Presearchers.termFiltered(), "org/leeds-maternity", and(term("leeds"), term("maternity")));
    assertTrue(passes(gate, "Rain all day in Leeds"));
    assertFalse(passes(gate, "The maternity unit is busy"));
  }

  @Test
  void eachAlternativeOfADisjunctionIsAPartOfItsOwn() {
    Query either = new BooleanQuery.Builder().add(term("leeds"), Occur.SHOULD).add(term("york"), Occur.SHOULD).build();
    CandidateGate gate = gate(Presearchers.multipass(3), "org/either", either);
    assertTrue(passes(gate, "Queues at York hospital"));
    assertTrue(passes(gate, "Queues at Leeds hospital"));
    assertFalse(passes(gate, "Queues at Hull hospital"));
  }

  @Test
  void aPrefixIsMatchedThroughItsMarkedPrefix() {
    CandidateGate gate = gate(Presearchers.multipass(3), "org/prefix",
        new PrefixQuery(new Term(MentionFields.TEXT, "physio")));
    assertTrue(passes(gate, "Physiotherapy waiting lists"));
    assertFalse(passes(gate, "Photos of the new ward"));
  }

  @Test
  void aRuleIndexedForEveryDocumentOpensTheGate() {
    CandidateGate gate = gate(Presearchers.multipass(3), "org/all", new MatchAllDocsQuery());
    assertTrue(gate.isOpen());
    assertTrue(passes(gate, "Nothing anyone watches"));
  }

  private boolean passes(CandidateGate gate, String text) {
    return gate.mayMatch(AnalysedDocument.of(mention(text), analyzer, gate.vocabulary()));
  }

  private static CandidateGate gate(org.apache.lucene.monitor.Presearcher presearcher, String id, Query query) {
    RuleSelectors selectors = new RuleSelectors(presearcher);
    selectors.put(id, query);
    return selectors.gate();
  }

  private static Query and(Query a, Query b) {
    return new BooleanQuery.Builder().add(a, Occur.MUST).add(b, Occur.MUST).build();
  }

  private static Query term(String word) {
    return new TermQuery(new Term(MentionFields.TEXT, word));
  }

  private static Document mention(String text) {
    Document doc = new Document();
    doc.add(new TextField(MentionFields.TEXT, text, Field.Store.NO));
    return doc;
  }
}
