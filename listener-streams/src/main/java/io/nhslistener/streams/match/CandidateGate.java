package io.nhslistener.streams.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.monitor.Presearcher;

/**
 * A cheap test, before the Monitor, of whether a mention would select any rule as a candidate.
 *
 * <p>The presearcher indexes each part of a rule under, for each of its passes, the terms a document must contain
 * one of (one pass for a term presearcher, several for a multi-pass one); the Monitor tries a part on a document that
 * contains a term of every pass ({@link Presearcher#indexQuery}, read by {@link RuleSelectors}). The gate holds the
 * same passes in hash sets, indexed by first-pass term, and lets a mention through only if some part has a term of
 * every pass in it; a mention the gate stops would select no candidate, so stopping it changes no result. Most mentions
 * of a listening stream name no watched place, organisation or tag, and many that name one lack the rest of its rule:
 * for both, this replaces building an in-memory index and searching the rule index (about 40 µs with 10,000 rules) by
 * one analysis pass and a few hash lookups.
 *
 * <p>A rule the presearcher cannot index by terms (it would run on every document, as with
 * {@link Presearcher#NO_FILTERING}) opens the gate for everything. Immutable: {@link RuleSelectors} builds a new gate
 * when the rules change.
 */
final class CandidateGate {
  private static final CandidateGate OPEN = new CandidateGate(Map.of(), true);

  /** Each part's later passes (pass 1 onwards, selectors as {@code field + '\0' + term}), by first-pass selector. */
  private final Map<String, List<String[][]>> laterPassesByFirst;
  private final boolean open;

  private CandidateGate(Map<String, List<String[][]>> laterPassesByFirst, boolean open) {
    this.laterPassesByFirst = laterPassesByFirst;
    this.open = open;
  }

  /** The gate that lets every document through. */
  static CandidateGate open() {
    return OPEN;
  }

  /**
   * A gate letting through documents that contain a selector of every pass of one of {@code parts}.
   *
   * @param parts each part's passes in order, each pass a non-empty set of selectors ({@code field + '\0' + term})
   */
  static CandidateGate of(Collection<List<Set<String>>> parts) {
    Map<String, List<String[][]>> byFirst = new HashMap<>();
    for (List<Set<String>> passes : parts) {
      String[][] later = new String[passes.size() - 1][];
      for (int pass = 1; pass < passes.size(); pass++) {
        later[pass - 1] = passes.get(pass).toArray(String[]::new);
      }
      for (String first : passes.get(0)) {
        byFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(later);
      }
    }
    return new CandidateGate(byFirst, false);
  }

  /**
   * True when {@code doc}, analysed by {@code analyzer}, contains a selector of every pass of some rule part, or the
   * gate is open. Only string-valued fields are read.
   */
  boolean mayMatch(Document doc, Analyzer analyzer) {
    if (open) {
      return true;
    }
    Set<String> selectors = selectorsOf(doc, analyzer);
    for (String selector : selectors) {
      List<String[][]> parts = laterPassesByFirst.get(selector);
      if (parts != null) {
        for (String[][] later : parts) {
          if (containsOneOfEach(selectors, later)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean containsOneOfEach(Set<String> selectors, String[][] passes) {
    for (String[] pass : passes) {
      if (!containsAny(selectors, pass)) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsAny(Set<String> selectors, String[] pass) {
    for (String selector : pass) {
      if (selectors.contains(selector)) {
        return true;
      }
    }
    return false;
  }

  /** The document's terms as selectors, each with its marked prefix as {@link PrefixQueryHandler} adds it. */
  private static Set<String> selectorsOf(Document doc, Analyzer analyzer) {
    Set<String> selectors = new HashSet<>();
    for (IndexableField field : doc) {
      if (field.stringValue() == null) {
        continue;
      }
      try (TokenStream stream = analyzer.tokenStream(field.name(), field.stringValue())) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        String prefix = field.name() + '\0';
        stream.reset();
        while (stream.incrementToken()) {
          selectors.add(prefix + term);
          if (term.length() >= PrefixQueryHandler.LENGTH) {
            selectors.add(prefix + PrefixQueryHandler.MARKER + term.subSequence(0, PrefixQueryHandler.LENGTH));
          }
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException("analysis of an in-memory string failed", e);
      }
    }
    return selectors;
  }
}
