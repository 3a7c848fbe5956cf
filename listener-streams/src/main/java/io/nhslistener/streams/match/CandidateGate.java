package io.nhslistener.streams.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArrayMap;
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
 * for both, this replaces building an in-memory index and searching the rule index (about 150 µs with 10,000 rules) by
 * a few hash lookups in the mention's analysis ({@link AnalysedDocument}), which the Monitor then reuses.
 *
 * <p>A rule the presearcher cannot index by terms (it would run on every document, as with
 * {@link Presearcher#NO_FILTERING}) opens the gate for everything. Immutable: {@link RuleSelectors} builds a new gate
 * when the rules change.
 */
final class CandidateGate {
  private static final CandidateGate OPEN = new CandidateGate(Map.of(), RuleVocabulary.EVERYTHING, true);

  /**
   * By field, then by first-pass term: the later passes (pass 1 onwards, selectors as {@code field + '\0' + term}) of
   * each part selected by that term. Looked up in the analysed document's character buffer: the lookups of a mention
   * naming nothing watched allocate nothing.
   */
  private final Map<String, CharArrayMap<List<String[][]>>> laterPassesByFirst;
  private final RuleVocabulary vocabulary;
  private final boolean open;

  private CandidateGate(Map<String, CharArrayMap<List<String[][]>>> laterPassesByFirst, RuleVocabulary vocabulary,
      boolean open) {
    this.laterPassesByFirst = laterPassesByFirst;
    this.vocabulary = vocabulary;
    this.open = open;
  }

  /** A selector: how the gate names term {@code term} of field {@code field}. */
  static String selector(String field, CharSequence term) {
    return field + '\0' + term;
  }

  /** The gate that lets every document through. */
  static CandidateGate open() {
    return OPEN;
  }

  /**
   * A gate letting through documents that contain a selector of every pass of one of {@code parts}.
   *
   * @param parts each part's passes in order, each pass a non-empty set of selectors ({@code field + '\0' + term})
   * @param vocabulary the terms the same rules read
   */
  static CandidateGate of(Collection<List<Set<String>>> parts, RuleVocabulary vocabulary) {
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
    return new CandidateGate(byFirst, vocabulary, false);
  }

  /** The terms the gate's rules read: the only tokens of a mention that the gate and the Monitor need. */
  RuleVocabulary vocabulary() {
    return vocabulary;
  }

  /** True when the gate lets every document through: no analysis is needed to decide. */
  boolean isOpen() {
    return open;
  }

  /** True when {@code doc} contains a selector of every pass of some rule part, or the gate is open. */
  boolean mayMatch(AnalysedDocument doc) {
    if (open) {
      return true;
    }
    List<List<String[][]>> selected = firstPassSelections(doc);
    if (selected.isEmpty()) {
      return false;
    }
    Set<String> selectors = doc.selectors();
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
  private List<List<String[][]>> firstPassSelections(AnalysedDocument doc) {
    List<List<String[][]>> selected = List.of();
    char[] marked = new char[PrefixQueryHandler.LENGTH + 1];
    marked[0] = PrefixQueryHandler.MARKER;
    char[] chars = doc.chars();
    for (int field = 0; field < doc.fields(); field++) {
      CharArrayMap<List<String[][]>> firstPass = laterPassesByFirst.get(doc.fieldName(field));
      if (firstPass == null) {
        continue;
      }
      for (int token = doc.firstToken(field); token < doc.endToken(field); token++) {
        int start = doc.termStart(token);
        int length = doc.termLength(token);
        List<String[][]> parts = firstPass.get(chars, start, length);
        if (parts != null) {
          selected = add(selected, parts);
        }
        if (length >= PrefixQueryHandler.LENGTH) {
          System.arraycopy(chars, start, marked, 1, PrefixQueryHandler.LENGTH);
          List<String[][]> prefixed = firstPass.get(marked, 0, marked.length);
          if (prefixed != null) {
            selected = add(selected, prefixed);
          }
        }
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
}
