package io.nhslistener.streams.match;

import io.nhslistener.core.watch.QueryProblem;
import java.util.List;

/**
 * The rules of one organisation after compilation.
 *
 * @param orgId organisation id
 * @param rules rules ready for the Monitor
 * @param rejected rules that cannot run (published without validation), by rule id with their problems
 */
public record CompiledWatch(String orgId, List<CompiledRule> rules, List<Rejected> rejected) {
  public CompiledWatch {
    rules = List.copyOf(rules);
    rejected = List.copyOf(rejected);
  }

  /** A rule that failed compilation. */
  public record Rejected(String ruleId, List<QueryProblem> problems) {
    public Rejected {
      problems = List.copyOf(problems);
    }
  }
}
