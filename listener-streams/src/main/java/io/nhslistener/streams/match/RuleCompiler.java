package io.nhslistener.streams.match;

import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import io.nhslistener.core.text.MentionFields;
import io.nhslistener.core.watch.ParsedQuery;
import io.nhslistener.core.watch.RuleQueryParser;
import io.nhslistener.core.watch.WatchlistLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns an organisation's watch into Monitor queries: each rule's query, restricted by a filter clause to the rule's
 * languages and sources when it names any, plus a rule {@value WatchlistLoader#HANDLES_RULE_ID} that matches any of the
 * organisation's handles. Restrictions are part of the query, not presearcher metadata, so a rule means the same
 * whichever presearcher runs it.
 *
 * <p>Thread-safe.
 */
public final class RuleCompiler {
  private final RuleQueryParser parser;

  public RuleCompiler(RuleQueryParser parser) {
    this.parser = parser;
  }

  /** Compiles every rule of {@code watch}; rules that do not parse are returned as rejected, never thrown. */
  public CompiledWatch compile(Watch watch) {
    List<CompiledRule> rules = new ArrayList<>();
    List<CompiledWatch.Rejected> rejected = new ArrayList<>();
    String orgId = watch.orgId();
    if (!watch.org().handles().isEmpty()) {
      String handles = String.join(" OR ", watch.org().handles());
      add(orgId, WatchlistLoader.HANDLES_RULE_ID, handles, List.of(), List.of(), rules, rejected);
    }
    for (WatchRule rule : watch.rules()) {
      add(orgId, rule.id(), rule.query(), rule.languages(), rule.sources(), rules, rejected);
    }
    return new CompiledWatch(orgId, rules, rejected);
  }

  /** Compiles a draft query that belongs to no organisation yet (for previews). */
  public ParsedQuery draft(String query) {
    return parser.parse(query);
  }

  private void add(String orgId, String ruleId, String query, List<String> languages, List<String> sources,
      List<CompiledRule> rules, List<CompiledWatch.Rejected> rejected) {
    ParsedQuery parsed = parser.parse(query);
    if (!parsed.isValid()) {
      rejected.add(new CompiledWatch.Rejected(ruleId, parsed.problems()));
      return;
    }
    Query restricted = restrict(restrict(parsed.query(), MentionFields.LANG, languages), MentionFields.SOURCE,
        sources);
    rules.add(new CompiledRule(orgId, ruleId, query, restricted));
  }

  private static Query restrict(Query query, String field, List<String> allowed) {
    if (allowed.isEmpty()) {
      return query;
    }
    BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
    for (String value : allowed) {
      anyOf.add(new TermQuery(new Term(field, value.toLowerCase(Locale.ROOT))), BooleanClause.Occur.SHOULD);
    }
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(anyOf.build(), BooleanClause.Occur.FILTER)
        .build();
  }
}
