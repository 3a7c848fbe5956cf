package io.nhslistener.streams.match;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Every term one rule's query can read from a mention, by field: its exact terms (excluded ones too, since an
 * exclusion reads its term as much as a requirement does) and, for its prefix and wildcard terms, their first
 * {@value PrefixQueryHandler#LENGTH} literal characters.
 *
 * @param exact exact terms by field
 * @param prefixes the literal beginnings of prefix and wildcard terms by field, each {@link PrefixQueryHandler#LENGTH}
 *     characters long
 */
record RuleTerms(Map<String, Set<String>> exact, Map<String, Set<String>> prefixes) {

  /**
   * The terms {@code query} reads, or null when it reads terms that cannot be listed this way (a pattern with fewer
   * literal characters, or a query kind that does not report its terms to a {@link QueryVisitor}).
   */
  static RuleTerms of(Query query) {
    Collector collector = new Collector();
    query.visit(collector);
    return collector.unlisted ? null : new RuleTerms(collector.exact, collector.prefixes);
  }

  private static final class Collector extends QueryVisitor {
    private final Map<String, Set<String>> exact = new HashMap<>();
    private final Map<String, Set<String>> prefixes = new HashMap<>();
    private boolean unlisted;

    @Override
    public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
      return this; // QueryVisitor's default skips MUST_NOT clauses; their terms decide a match too
    }

    @Override
    public void consumeTerms(Query query, Term... terms) {
      for (Term term : terms) {
        exact.computeIfAbsent(term.field(), f -> new HashSet<>()).add(term.text());
      }
    }

    @Override
    public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
      String literal = PrefixQueryHandler.literalPrefix(query);
      if (literal == null || literal.length() < PrefixQueryHandler.LENGTH) {
        unlisted = true;
        return;
      }
      prefixes.computeIfAbsent(field, f -> new HashSet<>()).add(literal.substring(0, PrefixQueryHandler.LENGTH));
    }

    @Override
    public void visitLeaf(Query query) {
      unlisted = true;
    }
  }
}
