package io.nhslistener.streams.match;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Watch;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live watch rules of every organisation, held in one in-memory Lucene {@link Monitor} under ids
 * {@code <orgId>/<ruleId>}, with a {@link CandidateGate} in front of it. Organisations are replaced whole: the new
 * rules are registered (re-registering an id replaces it) and the rules the organisation no longer has are deleted.
 *
 * <p>{@link #put} and {@link #remove} only queue the change; it reaches the Monitor before the next
 * {@link #match}, together with every other queued change. A Monitor update commits and reopens its rule index, which
 * costs about the same for one rule as for hundreds, so a restore of the whole {@code listener.rules} topic becomes a
 * few updates of {@value #UPDATE_BATCH} rules instead of one per organisation, and a single change is live for the
 * very next mention. Why not one update: the Monitor builds every query document of an update before indexing any,
 * and a multi-pass presearcher's documents take around a hundred kilobytes each, so 10,000 rules in one update needed
 * more than a gigabyte of heap at once. The rule index is merged back into one segment after each update
 * ({@link InMemoryRuleIndex}).
 *
 * <p>A rule that does not compile (it reached {@code listener.rules} without validation) is skipped, logged and
 * counted in {@code listener_rules_rejected_total{organisation}}; the organisation's other rules still apply.
 *
 * <p>Thread-safety: updates are serialised on this object; {@link #match} may run from any number of threads. It
 * applies queued changes under the lock, or waits there while another thread applies them, then matches without it
 * against the Monitor (which swaps its searcher atomically) and the current gate. A match never runs with the rules
 * of before a change queued ahead of it.
 */
public final class RuleBook implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);
  /** Rules per Monitor update: bounds the heap a bulk load needs (over 100 KB per rule while it is indexed). */
  static final int UPDATE_BATCH = 500;

  private final Monitor monitor;
  private final Analyzer analyzer;
  private final RuleCompiler compiler;
  private final RuleErrors errors;
  private final MeterRegistry registry;
  /** Queued changes by organisation, in arrival order: a watch, or empty for a removal. Guarded by this. */
  private final Map<String, Optional<Watch>> queued = new LinkedHashMap<>();
  /** Monitor ids per organisation. Guarded by this. */
  private final Map<String, Set<String>> idsByOrg = new HashMap<>();
  private final RuleSelectors selectors;
  private volatile boolean changesQueued;
  private volatile CandidateGate gate;

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
      this.monitor = new Monitor(analyzer, presearcher, queryIndexConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the in-memory rule monitor", e);
    }
    this.analyzer = analyzer;
    this.compiler = compiler;
    this.errors = errors;
    this.registry = registry;
    this.selectors = new RuleSelectors(presearcher);
    this.gate = selectors.gate();
    Gauge.builder("listener.rules.active", this, RuleBook::ruleCount)
        .description("Watch rules currently registered for matching, across all organisations")
        .register(registry);
  }

  /** Queues {@code watch} to replace everything known about its organisation. */
  public synchronized void put(Watch watch) {
    queued.put(watch.orgId(), Optional.of(watch));
    changesQueued = true;
  }

  /** Queues the removal of every rule of {@code orgId}; unknown organisations are ignored. */
  public synchronized void remove(String orgId) {
    queued.put(orgId, Optional.empty());
    changesQueued = true;
  }

  /** Replaces many organisations and applies the change now (bulk loads, previews, benchmarks). */
  public synchronized void putAll(Collection<Watch> watches) {
    watches.forEach(this::put);
    applyQueued();
  }

  /**
   * Matches a mention against every live rule, after applying queued changes.
   *
   * @throws UncheckedIOException never in practice: the Monitor and the document's index live in memory
   */
  RuleMatches match(Mention mention) {
    if (changesQueued) {
      synchronized (this) {
        applyQueued();
      }
    }
    CandidateGate current = gate;
    RuleVocabulary vocabulary = current.vocabulary();
    Document toMatch = MentionDocuments.of(mention, vocabulary::reads);
    if (!current.isOpen()) {
      AnalysedDocument analysed = AnalysedDocument.of(toMatch, analyzer, vocabulary);
      if (!current.mayMatch(analysed)) {
        return RuleMatches.NONE;
      }
      toMatch = analysed.toDocument(); // the Monitor indexes the gate's analysis instead of analysing again
    }
    try {
      MatchingQueries<HighlightsMatch> result = monitor.match(toMatch, HighlightsMatch.MATCHER);
      return new RuleMatches(result.getMatches(), result.getErrors());
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory matching failed", e);
    }
  }

  /** The organisations with at least one live rule, and their rule ids. */
  public synchronized Map<String, Set<String>> rulesByOrganisation() {
    applyQueued();
    return idsByOrg.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
        e -> e.getValue().stream().map(CompiledRule::ruleOf).collect(Collectors.toUnmodifiableSet())));
  }

  /** Number of live rules, queued changes applied. */
  public synchronized int ruleCount() {
    applyQueued();
    return idsByOrg.values().stream().mapToInt(Set::size).sum();
  }

  /**
   * Registers one compiled rule now, next to its organisation's others. Watches reach the book through {@link #put};
   * this is for rules built in code.
   */
  synchronized void register(CompiledRule rule) {
    applyQueued();
    Map<String, Set<String>> ids = Map.of(rule.orgId(), new HashSet<>(Set.of(rule.monitorId())));
    register(List.of(rule), ids);
    idsByOrg.computeIfAbsent(rule.orgId(), k -> new HashSet<>()).addAll(ids.get(rule.orgId()));
    gate = selectors.gate();
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }

  /** Applies every queued change in one Monitor update. Caller holds the lock. */
  private void applyQueued() {
    if (!changesQueued) {
      return;
    }
    List<CompiledRule> rules = new ArrayList<>();
    Map<String, Set<String>> newIds = new HashMap<>();
    List<String> stale = new ArrayList<>();
    queued.forEach((orgId, watch) -> {
      Set<String> ids = new HashSet<>();
      if (watch.isPresent()) {
        CompiledWatch compiled = compiler.compile(watch.get());
        compiled.rejected().forEach(r -> reject(orgId, r.ruleId(), r.problems().toString()));
        compiled.rules().forEach(rule -> {
          rules.add(rule);
          ids.add(rule.monitorId());
        });
      }
      newIds.put(orgId, ids);
    });
    queued.clear();
    register(rules, newIds);
    newIds.forEach((orgId, ids) -> {
      Set<String> old = ids.isEmpty() ? idsByOrg.remove(orgId) : idsByOrg.put(orgId, ids);
      if (old != null) {
        old.stream().filter(id -> !ids.contains(id)).forEach(stale::add);
      }
      ids.forEach(errors::forget);
    });
    delete(stale);
    gate = selectors.gate();
    // Cleared only now: until the new gate is published, a match on another thread must wait on the lock for this
    // update rather than run with the old gate. A metrics scrape (listener_rules_active) can be the one applying it.
    changesQueued = false;
  }

  /** Registers in Monitor updates of {@link #UPDATE_BATCH} rules. */
  private void register(List<CompiledRule> rules, Map<String, Set<String>> newIds) {
    for (int from = 0; from < rules.size(); from += UPDATE_BATCH) {
      registerBatch(rules.subList(from, Math.min(rules.size(), from + UPDATE_BATCH)), newIds);
    }
  }

  /**
   * Registers one batch in one update; if that fails, its rules one by one, so that one bad rule cannot keep the others
   * out. Only the failed batch is retried rule by rule: each update rewrites the rule index (about 170 ms at 10,000
   * rules), so a whole restore rule by rule would hold the stream thread for tens of minutes.
   */
  private void registerBatch(List<CompiledRule> rules, Map<String, Set<String>> newIds) {
    try {
      monitor.register(rules.stream().map(RuleBook::toMonitorQuery).toList());
      rules.forEach(rule -> selectors.put(rule.monitorId(), rule.luceneQuery()));
    } catch (IOException | RuntimeException batchFailure) {
      for (CompiledRule rule : rules) {
        try {
          monitor.register(toMonitorQuery(rule));
          selectors.put(rule.monitorId(), rule.luceneQuery());
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
    ids.forEach(id -> {
      errors.forget(id);
      selectors.remove(id);
    });
  }

  private void reject(String orgId, String ruleId, String reason) {
    Counter.builder("listener.rules.rejected")
        .description("Watch rules that could not be compiled or registered and were skipped")
        .tag("organisation", orgId)
        .register(registry)
        .increment();
    LOG.warn("Rule {} of organisation {} cannot run and is skipped: {}", ruleId, orgId, reason);
  }

  /**
   * The Monitor's rule index: in memory, each file in one buffer (reading a file split over many small buffers costs a
   * slice per term lookup, and presearching is mostly term lookups), committed once per update (the Monitor's own
   * buffer is larger than {@link #UPDATE_BATCH}) and merged back into one segment at each commit
   * ({@link InMemoryRuleIndex}).
   */
  private static MonitorConfiguration queryIndexConfiguration() {
    return new InMemoryRuleIndex()
        .setDirectoryProvider(() -> new ByteBuffersDirectory(new SingleInstanceLockFactory(),
            ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER), null);
  }

  private static MonitorQuery toMonitorQuery(CompiledRule rule) {
    return new MonitorQuery(rule.monitorId(), rule.luceneQuery(), rule.query(), Map.of());
  }
}
