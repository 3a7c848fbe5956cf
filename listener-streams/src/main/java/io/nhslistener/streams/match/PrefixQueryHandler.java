package io.nhslistener.streams.match;

import io.nhslistener.core.watch.RuleQueryParser;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;

/**
 * Lets the presearcher index prefix and wildcard terms instead of trying them on every mention.
 *
 * <p>Without it a rule such as {@code vaccin*} has no indexable term and the Monitor runs it against every document.
 * Here the rule is indexed under a marked term made of the first {@value RuleQueryParser#MIN_PREFIX} literal
 * characters ({@code \u0001vac}), and every document term of at least that length also contributes its own marked
 * prefix, so the rule is selected exactly for mentions with a word that could match. The rule language guarantees
 * those characters exist; terms with fewer fall back to the Monitor's match-everything handling.
 */
final class PrefixQueryHandler implements CustomQueryHandler {
  static final char MARKER = '\u0001';
  static final int LENGTH = RuleQueryParser.MIN_PREFIX;

  @Override
  public QueryTree handleQuery(Query query, TermWeightor weightor) {
    String pattern = literalPrefix(query);
    if (pattern == null || pattern.length() < LENGTH) {
      return null;
    }
    String field = ((MultiTermQuery) query).getField();
    return QueryTree.term(new Term(field, MARKER + pattern.substring(0, LENGTH)), weightor);
  }

  @Override
  public TokenStream wrapTermStream(String field, TokenStream terms) {
    return new MarkedPrefixes(terms);
  }

  /** The literal characters before the first wildcard of a prefix or wildcard query; null for other queries. */
  static String literalPrefix(Query query) {
    if (query instanceof PrefixQuery prefix) {
      return prefix.getPrefix().text();
    }
    if (query instanceof WildcardQuery wildcard) {
      String pattern = wildcard.getTerm().text();
      int end = 0;
      while (end < pattern.length() && "*?\\".indexOf(pattern.charAt(end)) < 0) {
        end++;
      }
      return pattern.substring(0, end);
    }
    return null;
  }

  /** Passes every term through and follows each term of at least {@code LENGTH} chars with its marked prefix. */
  private static final class MarkedPrefixes extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final char[] pending = new char[LENGTH + 1];
    private boolean hasPending;

    MarkedPrefixes(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (hasPending) {
        hasPending = false;
        term.copyBuffer(pending, 0, pending.length);
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      if (term.length() >= LENGTH && term.charAt(0) != MARKER) {
        pending[0] = MARKER;
        System.arraycopy(term.buffer(), 0, pending, 1, LENGTH);
        hasPending = true;
      }
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      hasPending = false;
    }
  }
}
