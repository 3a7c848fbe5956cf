package io.nhslistener.streams.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.monitor.Presearcher;

/**
 * A cheap test, before the Monitor, of whether a mention could match any rule at all.
 *
 * <p>The presearcher indexes each rule under the terms a document must contain for the rule to be a candidate
 * (for a multi-pass presearcher, the terms of its first pass). The gate keeps the union of those terms, taken from the
 * presearcher itself ({@link Presearcher#indexQuery}), and lets a mention through only if one of its analysed terms is
 * in it; a mention that contains none would select no candidate, so skipping it changes no result. Most mentions of a
 * listening stream name no watched place, organisation or tag, and for them this replaces building an in-memory index
 * and searching the rule index (about 200 µs with 10,000 rules) by one analysis pass and a few hash lookups.
 *
 * <p>A rule the presearcher cannot index by terms (it would run on every document, as with
 * {@link Presearcher#NO_FILTERING}) opens the gate for everything. Immutable: {@link RuleSelectors} builds a new gate
 * when the rules change.
 */
final class CandidateGate {
  private final Map<String, Set<String>> termsByField;
  private final boolean open;

  private CandidateGate(Map<String, Set<String>> termsByField, boolean open) {
    this.termsByField = termsByField;
    this.open = open;
  }

  /** A gate letting through documents with one of {@code termsByField}'s terms, or every document if open. */
  static CandidateGate of(Map<String, Set<String>> termsByField, boolean open) {
    return new CandidateGate(termsByField, open);
  }

  /**
   * True when {@code doc}, analysed by {@code analyzer}, contains a term some rule is indexed under, or the gate is
   * open. Only string-valued fields are read.
   */
  boolean mayMatch(Document doc, Analyzer analyzer) {
    if (open) {
      return true;
    }
    for (IndexableField field : doc) {
      Set<String> selectors = termsByField.get(field.name());
      if (selectors != null && field.stringValue() != null && containsAny(analyzer, field, selectors)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(Analyzer analyzer, IndexableField field, Set<String> selectors) {
    try (TokenStream stream = analyzer.tokenStream(field.name(), field.stringValue())) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      boolean found = false;
      while (!found && stream.incrementToken()) {
        found = selectors.contains(term.toString()) || selectors.contains(markedPrefix(term));
      }
      stream.end();
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
  }

  /** The term's marked prefix as {@link PrefixQueryHandler} adds it to documents, or "" when it has none. */
  private static String markedPrefix(CharTermAttribute term) {
    int length = PrefixQueryHandler.LENGTH;
    return term.length() < length ? "" : PrefixQueryHandler.MARKER + term.subSequence(0, length).toString();
  }
}
