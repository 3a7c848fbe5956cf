package io.nhslistener.streams.match;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.monitor.HighlightsMatch;

/**
 * The rules one mention matched, with their hits, and the rules that failed on it.
 *
 * @param matches one entry per matching rule, by Monitor id {@code <orgId>/<ruleId>}
 * @param errors rules that threw while matching, by Monitor id
 */
record RuleMatches(Collection<HighlightsMatch> matches, Map<String, Exception> errors) {
  static final RuleMatches NONE = new RuleMatches(List.of(), Map.of());
}
