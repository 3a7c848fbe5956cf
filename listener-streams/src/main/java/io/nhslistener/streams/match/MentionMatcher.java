package io.nhslistener.streams.match;

import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.text.LinkDomains;
import io.nhslistener.core.text.MentionFields;
import io.nhslistener.core.text.SocialTextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.monitor.HighlightsMatch;

/**
 * Matches one mention against every live rule: one {@link MatchedMention} per organisation with at least one matching
 * rule, carrying that organisation's matching rule ids (sorted), the matched terms in text order (as analysed, a
 * phrase as its words joined by spaces, links' domains after words) and the mention's sentiment, scored once per
 * mention and only when something matched.
 *
 * <p>A rule that throws is reported to {@link RuleErrors} and skipped; it never stops the other rules. Thread-safe.
 */
public final class MentionMatcher {
  private static final Comparator<Hit> TEXT_ORDER =
      Comparator.comparing((Hit h) -> !MentionFields.TEXT.equals(h.field())).thenComparingInt(Hit::offset)
          .thenComparingInt(Hit::end);

  private final RuleBook rules;
  private final ToSentiment sentiment;
  private final RuleErrors errors;
  private final SocialTextAnalyzer analyzer;

  public MentionMatcher(RuleBook rules, ToSentiment sentiment, RuleErrors errors, SocialTextAnalyzer analyzer) {
    this.rules = rules;
    this.sentiment = sentiment;
    this.errors = errors;
    this.analyzer = analyzer;
  }

  /** The organisations {@code mention} matches, sorted by organisation id; empty when none. */
  public List<MatchedMention> match(Mention mention) {
    RuleMatches result = rules.match(mention);
    result.errors().forEach(errors::report);
    if (result.matches().isEmpty()) {
      return List.of();
    }
    Map<String, List<HighlightsMatch>> byOrg = new TreeMap<>();
    for (HighlightsMatch match : result.matches()) {
      byOrg.computeIfAbsent(CompiledRule.orgOf(match.getQueryId()), k -> new ArrayList<>()).add(match);
    }
    Sentiment scored = sentiment.score(mention.text());
    List<MatchedMention> matched = new ArrayList<>(byOrg.size());
    byOrg.forEach((orgId, matches) -> matched.add(MatchedMention.of(mention, orgId, ruleIds(matches),
        terms(mention, matches), scored)));
    return matched;
  }

  private static List<String> ruleIds(List<HighlightsMatch> matches) {
    return matches.stream().map(m -> CompiledRule.ruleOf(m.getQueryId())).sorted().toList();
  }

  private List<String> terms(Mention mention, List<HighlightsMatch> matches) {
    List<Hit> hits = new ArrayList<>();
    String domains = null;
    for (HighlightsMatch match : matches) {
      for (HighlightsMatch.Hit hit : match.getHits(MentionFields.TEXT)) {
        hits.add(new Hit(MentionFields.TEXT, hit.startOffset, hit.endOffset));
      }
      for (HighlightsMatch.Hit hit : match.getHits(MentionFields.DOMAIN)) {
        hits.add(new Hit(MentionFields.DOMAIN, hit.startOffset, hit.endOffset));
      }
    }
    hits.sort(TEXT_ORDER);
    Set<String> terms = new LinkedHashSet<>();
    for (Hit hit : hits) {
      if (hit.offset() < 0) {
        continue; // a query kind that reports positions without offsets: the rule matched, no term to show
      }
      if (MentionFields.TEXT.equals(hit.field())) {
        terms.add(normalised(mention.text().substring(hit.offset(), hit.end())));
      } else {
        if (domains == null) {
          domains = LinkDomains.of(mention.text(), mention.url());
        }
        terms.add(domains.substring(hit.offset(), hit.end()));
      }
    }
    return List.copyOf(terms);
  }

  /**
   * A matched slice of text as the analyzer indexes it, words joined by a space: {@code Trust's} is {@code trust},
   * {@code #NHS} is {@code #nhs}, a phrase match is {@code leeds teaching hospitals}. Stacked forms (the bare form of
   * a qualified handle) are left out.
   */
  private String normalised(String slice) {
    StringBuilder words = new StringBuilder(slice.length());
    try (TokenStream stream = analyzer.tokenStream(MentionFields.TEXT, slice)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (increment.getPositionIncrement() > 0) {
          if (words.length() > 0) {
            words.append(' ');
          }
          words.append(term);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    return words.length() == 0 ? slice : words.toString();
  }

  private record Hit(String field, int offset, int end) {}
}
