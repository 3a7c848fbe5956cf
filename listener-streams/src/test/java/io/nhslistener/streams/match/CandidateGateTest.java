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
    assertFalse(gate.mayMatch(mention("Rain all day in Leeds"), analyzer));
    assertFalse(gate.mayMatch(mention("The maternity unit is busy"), analyzer));
    assertTrue(gate.mayMatch(mention("Leeds maternity unit to close"), analyzer));
  }

  @Test
  void aSinglePassPresearcherNeedsTheFirstTermOnly() {
    CandidateGate gate = gate(Presearchers.termFiltered(), "org/leeds-maternity", and(term("leeds"), term("maternity")));
    assertTrue(gate.mayMatch(mention("Rain all day in Leeds"), analyzer));
    assertFalse(gate.mayMatch(mention("The maternity unit is busy"), analyzer));
  }

  @Test
  void eachAlternativeOfADisjunctionIsAPartOfItsOwn() {
    Query either = new BooleanQuery.Builder().add(term("leeds"), Occur.SHOULD).add(term("york"), Occur.SHOULD).build();
    CandidateGate gate = gate(Presearchers.multipass(3), "org/either", either);
    assertTrue(gate.mayMatch(mention("Queues at York hospital"), analyzer));
    assertTrue(gate.mayMatch(mention("Queues at Leeds hospital"), analyzer));
    assertFalse(gate.mayMatch(mention("Queues at Hull hospital"), analyzer));
  }

  @Test
  void aPrefixIsMatchedThroughItsMarkedPrefix() {
    CandidateGate gate = gate(Presearchers.multipass(3), "org/prefix",
        new PrefixQuery(new Term(MentionFields.TEXT, "physio")));
    assertTrue(gate.mayMatch(mention("Physiotherapy waiting lists"), analyzer));
    assertFalse(gate.mayMatch(mention("Photos of the new ward"), analyzer));
  }

  @Test
  void aRuleIndexedForEveryDocumentOpensTheGate() {
    CandidateGate gate = gate(Presearchers.multipass(3), "org/all", new MatchAllDocsQuery());
    assertTrue(gate.mayMatch(mention("Nothing anyone watches"), analyzer));
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
