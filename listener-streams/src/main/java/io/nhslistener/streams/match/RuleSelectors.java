package io.nhslistener.streams.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.Query;

/**
 * The terms each live rule is selected by, as the presearcher indexes it, counted across rules so that rules can come
 * and go; {@link #gate()} snapshots their union as a {@link CandidateGate}. Not thread-safe: the rule book updates it
 * under its lock.
 */
final class RuleSelectors {
  /** The field the Monitor indexes a rule under when it must run on every document (TermFilteredPresearcher). */
  static final String ANY_TOKEN_FIELD = "__anytokenfield";

  private final Presearcher presearcher;
  private final QueryDecomposer decomposer = new QueryDecomposer();
  /** Selector terms of each rule, as field + '\0' + term; null for a rule that opens the gate. */
  private final Map<String, List<String>> byRule = new HashMap<>();
  private final Map<String, Integer> counts = new HashMap<>();
  private int openRules;

  RuleSelectors(Presearcher presearcher) {
    this.presearcher = presearcher;
  }

  /** Records (or replaces) rule {@code monitorId}'s selectors. */
  void put(String monitorId, Query query) {
    remove(monitorId);
    List<String> selectors = selectorsOf(query);
    byRule.put(monitorId, selectors);
    if (selectors == null) {
      openRules++;
    } else {
      selectors.forEach(s -> counts.merge(s, 1, Integer::sum));
    }
  }

  /** Forgets rule {@code monitorId}; unknown ids are ignored. */
  void remove(String monitorId) {
    if (!byRule.containsKey(monitorId)) {
      return;
    }
    List<String> selectors = byRule.remove(monitorId);
    if (selectors == null) {
      openRules--;
    } else {
      selectors.forEach(s -> counts.computeIfPresent(s, (k, n) -> n == 1 ? null : n - 1));
    }
  }

  /** The gate for the rules recorded now. */
  CandidateGate gate() {
    if (openRules > 0) {
      return CandidateGate.of(Map.of(), true);
    }
    Map<String, Set<String>> byField = new HashMap<>();
    for (String selector : counts.keySet()) {
      int split = selector.indexOf('\0');
      byField.computeIfAbsent(selector.substring(0, split), k -> new HashSet<>()).add(selector.substring(split + 1));
    }
    return CandidateGate.of(byField, false);
  }

  /** The selector terms of every part the Monitor decomposes {@code query} into; null if any part has none. */
  private List<String> selectorsOf(Query query) {
    List<String> selectors = new ArrayList<>();
    for (Query part : decomposer.decompose(query)) {
      if (!collect(presearcher.indexQuery(part, Map.of()), selectors)) {
        return null;
      }
    }
    return selectors;
  }

  /**
   * Adds the terms the presearcher's document for one query part selects it by; false when the part is indexed for
   * every document, or under no term at all.
   */
  private static boolean collect(Document indexed, List<String> selectors) {
    boolean multipass = false;
    for (IndexableField field : indexed) {
      multipass |= field.name().endsWith("_0");
    }
    boolean any = false;
    for (IndexableField field : indexed) {
      String name = field.name();
      if (name.equals(ANY_TOKEN_FIELD)) {
        return false;
      }
      // A multi-pass presearcher indexes each pass under <field>_<pass> and the union of all passes under <field>;
      // a document must contain a first-pass term to be selected, so only those count.
      String base = multipass ? (name.endsWith("_0") ? name.substring(0, name.length() - 2) : null) : name;
      if (base != null && field instanceof Field terms && terms.tokenStreamValue() != null) {
        any |= read(terms.tokenStreamValue(), base, selectors);
      }
    }
    return any;
  }

  private static boolean read(TokenStream stream, String field, List<String> into) {
    boolean read = false;
    try (stream) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        into.add(field + '\0' + term);
        read = true;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading an in-memory term stream failed", e);
    }
    return read;
  }
}
