package io.nhslistener.streams.match;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rules that fail while matching a mention: every failure counts in {@code listener_match_rule_errors_total
 * {organisation}}, the first failure of a rule is logged, later ones are not until the rule is replaced. The mention
 * still matches the organisation's other rules and every other organisation. Thread-safe.
 */
public final class RuleErrors {
  private static final Logger LOG = LoggerFactory.getLogger(RuleErrors.class);
  static final String METER = "listener.match.rule.errors";

  private final MeterRegistry registry;
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  public RuleErrors(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records a failure of the rule with Monitor id {@code monitorId}. */
  void report(String monitorId, Exception error) {
    String orgId = CompiledRule.orgOf(monitorId);
    Counter.builder(METER)
        .description("Watch rules that failed while matching a mention (the mention still matched other rules)")
        .tag("organisation", orgId)
        .register(registry)
        .increment();
    if (logged.add(monitorId)) {
      LOG.warn("Rule {} of organisation {} failed at match time and is skipped until it is fixed (logged once): {}",
          CompiledRule.ruleOf(monitorId), orgId, error.toString());
    }
  }

  /** Forgets a rule that was replaced or removed, so that a new failure of its new version is logged again. */
  void forget(String monitorId) {
    logged.remove(monitorId);
  }
}
