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
import org.apache.lucene.analysis.CharArrayMap;
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

  /**
   * By field, then by first-pass term: the later passes (pass 1 onwards, selectors as {@code field + '\0' + term}) of
   * each part selected by that term. Looked up with the analyser's term buffer, so a mention naming nothing watched
   * costs no allocation.
   */
  private final Map<String, CharArrayMap<List<String[][]>>> laterPassesByFirst;
  private final boolean open;

  private CandidateGate(Map<String, CharArrayMap<List<String[][]>>> laterPassesByFirst, boolean open) {
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
    Map<String, CharArrayMap<List<String[][]>>> byFirst = new HashMap<>();
    for (List<Set<String>> passes : parts) {
      String[][] later = new String[passes.size() - 1][];
      for (int pass = 1; pass < passes.size(); pass++) {
        later[pass - 1] = passes.get(pass).toArray(String[]::new);
      }
      for (String first : passes.get(0)) {
        int split = first.indexOf('\0');
        CharArrayMap<List<String[][]>> terms = byFirst.computeIfAbsent(first.substring(0, split),
            field -> new CharArrayMap<>(16, false));
        String term = first.substring(split + 1);
        List<String[][]> selected = terms.get(term);
        if (selected == null) {
          selected = new ArrayList<>();
          terms.put(term, selected);
        }
        selected.add(later);
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
    List<List<String[][]>> selected = firstPassSelections(doc, analyzer);
    if (selected.isEmpty()) {
      return false;
    }
    Set<String> selectors = selectorsOf(doc, analyzer);
    for (List<String[][]> parts : selected) {
      for (String[][] later : parts) {
        if (containsOneOfEach(selectors, later)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The parts selected by a first-pass term of {@code doc} (one list per term found), usually none. */
  private List<List<String[][]>> firstPassSelections(Document doc, Analyzer analyzer) {
    List<List<String[][]>> selected = List.of();
    char[] marked = new char[PrefixQueryHandler.LENGTH + 1];
    marked[0] = PrefixQueryHandler.MARKER;
    for (IndexableField field : doc) {
      CharArrayMap<List<String[][]>> firstPass = laterPassesByFirst.get(field.name());
      if (firstPass == null || field.stringValue() == null) {
        continue;
      }
      try (TokenStream stream = analyzer.tokenStream(field.name(), field.stringValue())) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          List<String[][]> parts = firstPass.get(term.buffer(), 0, term.length());
          if (parts != null) {
            selected = add(selected, parts);
          }
          if (term.length() >= PrefixQueryHandler.LENGTH) {
            System.arraycopy(term.buffer(), 0, marked, 1, PrefixQueryHandler.LENGTH);
            List<String[][]> prefixed = firstPass.get(marked, 0, marked.length);
            if (prefixed != null) {
              selected = add(selected, prefixed);
            }
          }
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException("analysis of an in-memory string failed", e);
      }
    }
    return selected;
  }

  private static List<List<String[][]>> add(List<List<String[][]>> selected, List<String[][]> parts) {
    List<List<String[][]>> grown = selected.isEmpty() ? new ArrayList<>() : selected;
    grown.add(parts);
    return grown;
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

  /**
   * The document's terms as selectors, each with its marked prefix as {@link PrefixQueryHandler} adds it. A second
   * analysis, made only for the few mentions that hold a first-pass term.
   */
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
