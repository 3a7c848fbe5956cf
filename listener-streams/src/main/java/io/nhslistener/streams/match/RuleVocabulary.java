package io.nhslistener.streams.match;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The terms the live rules read, by field: a mention's token outside it cannot change whether any rule matches, nor
 * the terms a match highlights, so the Monitor indexes a mention without such tokens (their positions are kept, so
 * phrases and proximity mean the same). A mention names a few watched terms among tens of words; dropping the rest
 * makes its in-memory index and the presearcher's term-set queries over the rule index a few terms long.
 *
 * <p>A token is kept when it is one of the field's exact terms, or begins with the literal characters of one of the
 * field's prefix or wildcard terms (a superset of what the pattern matches, which keeps the test a hash lookup).
 * Immutable.
 */
final class RuleVocabulary {
  /** Keeps every token: for rules whose terms cannot all be listed. */
  static final RuleVocabulary EVERYTHING = new RuleVocabulary(null);
  private static final FieldVocabulary KEEP_ALL = (chars, start, length) -> true;
  private static final FieldVocabulary KEEP_NONE = (chars, start, length) -> false;

  /** By field; null keeps everything. */
  private final Map<String, FieldVocabulary> byField;

  private RuleVocabulary(Map<String, FieldVocabulary> byField) {
    this.byField = byField;
  }

  /** What a field's token must be to be kept. */
  @FunctionalInterface
  interface FieldVocabulary {
    /** True when the token {@code chars[start .. start + length)} may be read by some rule. */
    boolean keeps(char[] chars, int start, int length);
  }

  /** The union of {@code rules}' terms. */
  static RuleVocabulary of(Collection<RuleTerms> rules) {
    Map<String, CharArraySet> exact = new HashMap<>();
    Map<String, CharArraySet> prefixes = new HashMap<>();
    for (RuleTerms rule : rules) {
      addAll(rule.exact(), exact);
      addAll(rule.prefixes(), prefixes);
    }
    Map<String, FieldVocabulary> byField = new HashMap<>();
    for (String field : exact.keySet()) {
      byField.put(field, fieldVocabulary(exact.get(field), prefixes.get(field)));
    }
    for (String field : prefixes.keySet()) {
      byField.putIfAbsent(field, fieldVocabulary(null, prefixes.get(field)));
    }
    return new RuleVocabulary(byField);
  }

  /** True when some rule reads {@code field}. */
  boolean reads(String field) {
    return byField == null || byField.containsKey(field);
  }

  /** The test for tokens of {@code field}: keeps none when no rule reads the field. */
  FieldVocabulary forField(String field) {
    return byField == null ? KEEP_ALL : byField.getOrDefault(field, KEEP_NONE);
  }

  private static void addAll(Map<String, Set<String>> terms, Map<String, CharArraySet> into) {
    terms.forEach((field, values) -> into.computeIfAbsent(field, f -> new CharArraySet(16, false)).addAll(values));
  }

  private static FieldVocabulary fieldVocabulary(CharArraySet exact, CharArraySet prefixes) {
    if (prefixes == null) {
      return exact::contains;
    }
    int length = PrefixQueryHandler.LENGTH;
    if (exact == null) {
      return (chars, start, n) -> n >= length && prefixes.contains(chars, start, length);
    }
    return (chars, start, n) -> exact.contains(chars, start, n) || n >= length && prefixes.contains(chars, start,
        length);
  }
}
