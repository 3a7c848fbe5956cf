package io.nhslistener.core.watch;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * The outcome of parsing one rule query: the Lucene query when it is valid, otherwise every problem found.
 *
 * @param query the parsed query, or null when there are problems
 * @param problems problems in the order found; empty when the query is valid
 */
public record ParsedQuery(Query query, List<QueryProblem> problems) {
  public ParsedQuery {
    problems = List.copyOf(problems);
  }

  /** True when the query parsed and passed every check. */
  public boolean isValid() {
    return problems.isEmpty();
  }
}
