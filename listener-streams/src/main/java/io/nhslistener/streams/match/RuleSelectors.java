package io.nhslistener.streams.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.Query;

/**
 * The passes each live rule's parts are selected by, as the presearcher indexes them, and the terms each rule reads,
 * so that {@link #gate()} can snapshot them as a {@link CandidateGate} and its {@link RuleVocabulary}. Not
 * thread-safe: the rule book updates it under its lock.
 */
final class RuleSelectors {
  /** The field the Monitor indexes a rule under when it must run on every document (TermFilteredPresearcher). */
  static final String ANY_TOKEN_FIELD = "__anytokenfield";

  private final Presearcher presearcher;
  private final QueryDecomposer decomposer = new QueryDecomposer();
  /**
   * Each rule's parts, each part its passes in order, each pass the selectors ({@code field + '\0' + term}) a
   * document must contain one of; null for a rule that opens the gate.
   */
  private final Map<String, List<List<Set<String>>>> byRule = new HashMap<>();
  /** Each rule's terms; null for a rule whose terms cannot all be listed. */
  private final Map<String, RuleTerms> termsByRule = new HashMap<>();
  private int openRules;
  private int unlistedRules;

  RuleSelectors(Presearcher presearcher) {
    this.presearcher = presearcher;
  }

  /** Records (or replaces) rule {@code monitorId}'s selectors. */
  void put(String monitorId, Query query) {
    remove(monitorId);
    List<List<Set<String>>> parts = partsOf(query);
    byRule.put(monitorId, parts);
    if (parts == null) {
      openRules++;
    }
    RuleTerms terms = RuleTerms.of(query);
    termsByRule.put(monitorId, terms);
    if (terms == null) {
      unlistedRules++;
    }
  }

  /** Forgets rule {@code monitorId}; unknown ids are ignored. */
  void remove(String monitorId) {
    if (byRule.containsKey(monitorId) && byRule.remove(monitorId) == null) {
      openRules--;
    }
    if (termsByRule.containsKey(monitorId) && termsByRule.remove(monitorId) == null) {
      unlistedRules--;
    }
  }

  /** The gate for the rules recorded now. */
  CandidateGate gate() {
    if (openRules > 0) {
      return CandidateGate.open();
    }
    List<List<Set<String>>> parts = new ArrayList<>();
    byRule.values().forEach(parts::addAll);
    RuleVocabulary vocabulary = unlistedRules > 0 ? RuleVocabulary.EVERYTHING
        : RuleVocabulary.of(termsByRule.values());
    return CandidateGate.of(parts, vocabulary);
  }

  /** The passes of every part the Monitor decomposes {@code query} into; null if any part has none. */
  private List<List<Set<String>>> partsOf(Query query) {
    List<List<Set<String>>> parts = new ArrayList<>();
    for (Query part : decomposer.decompose(query)) {
      List<Set<String>> passes = passesOf(presearcher.indexQuery(part, Map.of()));
      if (passes == null) {
        return null;
      }
      parts.add(passes);
    }
    return parts;
  }

  /**
   * The passes the presearcher's document for one query part selects it by, in order, without empty ones; null when
   * the part is indexed for every document, or under no term at all.
   */
  private static List<Set<String>> passesOf(Document indexed) {
    boolean multipass = false;
    for (IndexableField field : indexed) {
      multipass |= field.name().endsWith("_0");
    }
    SortedMap<Integer, Set<String>> passes = new TreeMap<>();
    for (IndexableField field : indexed) {
      String name = field.name();
      if (name.equals(ANY_TOKEN_FIELD)) {
        return null;
      }
      // A multi-pass presearcher indexes pass i under <field>_i and the union of all passes under <field>, which is
      // not a pass of its own; a term presearcher has one pass, under the field's own name.
      int cut = name.lastIndexOf('_');
      boolean passField = multipass && cut > 0 && cut < name.length() - 1
          && name.substring(cut + 1).chars().allMatch(Character::isDigit);
      if ((multipass && !passField) || !(field instanceof Field terms) || terms.tokenStreamValue() == null) {
        continue;
      }
      int pass = passField ? Integer.parseInt(name.substring(cut + 1)) : 0;
      String base = passField ? name.substring(0, cut) : name;
      read(terms.tokenStreamValue(), base, passes.computeIfAbsent(pass, k -> new HashSet<>()));
    }
    passes.values().removeIf(Set::isEmpty);
    return passes.isEmpty() ? null : List.copyOf(passes.values());
  }

  private static void read(TokenStream stream, String field, Set<String> into) {
    try (stream) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        into.add(CandidateGate.selector(field, term));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading an in-memory term stream failed", e);
    }
  }
}
