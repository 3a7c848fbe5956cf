package io.nhslistener.streams.match;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.model.Watch;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.Presearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live watch rules of every organisation, held in one in-memory Lucene {@link Monitor} under ids
 * {@code <orgId>/<ruleId>}. Organisations are replaced whole: {@link #put} registers the new rules (re-registering an
 * id replaces it) and deletes the rules the organisation no longer has; {@link #remove} deletes them all.
 *
 * <p>A rule that does not compile (it reached {@code listener.rules} without validation) is skipped, logged and
 * counted in {@code listener_rules_rejected_total{organisation}}; the organisation's other rules still apply.
 *
 * <p>Thread-safety: updates are serialised on this object; matching through {@link #monitor()} may run concurrently
 * from any number of threads and sees each update once it returns (the Monitor swaps its searcher atomically).
 */
public final class RuleBook implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

  private final Monitor monitor;
  private final RuleCompiler compiler;
  private final RuleErrors errors;
  private final MeterRegistry registry;
  /** Monitor ids per organisation; guarded by {@code this}. */
  private final Map<String, Set<String>> idsByOrg = new HashMap<>();

  /**
   * @param analyzer the analyzer mentions are matched with (the social-text analyzer)
   * @param presearcher normally {@link Presearchers#standard()}
   * @param compiler compiles watches into Monitor queries
   * @param errors where match-time rule failures are reported; forgotten here when a rule changes
   * @param registry receives the rejected-rule counter and the active-rule gauge
   */
  public RuleBook(Analyzer analyzer, Presearcher presearcher, RuleCompiler compiler, RuleErrors errors,
      MeterRegistry registry) {
    try {
      this.monitor = new Monitor(analyzer, presearcher);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the in-memory rule monitor", e);
    }
    this.compiler = compiler;
    this.errors = errors;
    this.registry = registry;
    Gauge.builder("listener.rules.active", this, RuleBook::ruleCount)
        .description("Watch rules currently registered for matching, across all organisations")
        .register(registry);
  }

  /** Replaces everything known about {@code watch}'s organisation with its current rules. */
  public void put(Watch watch) {
    putAll(List.of(watch));
  }

  /** {@link #put} for many organisations in one Monitor update, for bulk loads. */
  public synchronized void putAll(Collection<Watch> watches) {
    List<CompiledRule> rules = new ArrayList<>();
    Map<String, Set<String>> newIds = new HashMap<>();
    for (Watch watch : watches) {
      CompiledWatch compiled = compiler.compile(watch);
      for (CompiledWatch.Rejected rejected : compiled.rejected()) {
        reject(watch.orgId(), rejected.ruleId(), rejected.problems().toString());
      }
      Set<String> ids = newIds.computeIfAbsent(watch.orgId(), k -> new HashSet<>());
      for (CompiledRule rule : compiled.rules()) {
        rules.add(rule);
        ids.add(rule.monitorId());
      }
    }
    register(rules, newIds);
    List<String> stale = new ArrayList<>();
    newIds.forEach((orgId, ids) -> {
      Set<String> old = idsByOrg.put(orgId, ids);
      if (old != null) {
        old.stream().filter(id -> !ids.contains(id)).forEach(stale::add);
      }
      ids.forEach(errors::forget);
    });
    delete(stale);
  }

  /** Removes every rule of {@code orgId}; unknown organisations are ignored. */
  public synchronized void remove(String orgId) {
    Set<String> ids = idsByOrg.remove(orgId);
    if (ids != null) {
      delete(new ArrayList<>(ids));
    }
  }

  /** The organisations with at least one live rule, and their rule ids. */
  public synchronized Map<String, Set<String>> rulesByOrganisation() {
    return idsByOrg.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
        e -> e.getValue().stream().map(CompiledRule::ruleOf).collect(Collectors.toUnmodifiableSet())));
  }

  /** Number of live rules. */
  public synchronized int ruleCount() {
    return idsByOrg.values().stream().mapToInt(Set::size).sum();
  }

  /** The Monitor to match against; safe to use from several threads. */
  public Monitor monitor() {
    return monitor;
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }

  /** Registers in one batch; if the batch fails, rule by rule so that one bad rule cannot keep the others out. */
  private void register(List<CompiledRule> rules, Map<String, Set<String>> newIds) {
    try {
      monitor.register(rules.stream().map(RuleBook::toMonitorQuery).toList());
    } catch (IOException | RuntimeException batchFailure) {
      for (CompiledRule rule : rules) {
        try {
          monitor.register(toMonitorQuery(rule));
        } catch (IOException | RuntimeException e) {
          reject(rule.orgId(), rule.ruleId(), e.toString());
          newIds.get(rule.orgId()).remove(rule.monitorId());
        }
      }
    }
  }

  private void delete(List<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      monitor.deleteById(ids);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete rules from the in-memory monitor", e);
    }
    ids.forEach(errors::forget);
  }

  private void reject(String orgId, String ruleId, String reason) {
    Counter.builder("listener.rules.rejected")
        .description("Watch rules that could not be compiled or registered and were skipped")
        .tag("organisation", orgId)
        .register(registry)
        .increment();
    LOG.warn("Rule {} of organisation {} cannot run and is skipped: {}", ruleId, orgId, reason);
  }

  private static MonitorQuery toMonitorQuery(CompiledRule rule) {
    return new MonitorQuery(rule.monitorId(), rule.luceneQuery(), rule.query(), Map.of());
  }
}
