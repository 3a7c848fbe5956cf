package io.nhslistener.streams.match;

import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.text.SocialTextAnalyzer;
import io.nhslistener.core.watch.RuleQueryParser;
import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.monitor.Presearcher;

/**
 * Everything matching needs, built once per process and shared by its stream threads: the rule book (Monitor) and
 * the matcher over it. Close it after the Kafka Streams instance that uses it.
 */
public final class Matching implements Closeable {
  private final RuleBook rules;
  private final MentionMatcher matcher;

  private Matching(RuleBook rules, MentionMatcher matcher) {
    this.rules = rules;
    this.matcher = matcher;
  }

  /** Matching with the standard presearcher. */
  public static Matching create(ToSentiment sentiment, MeterRegistry registry) {
    return create(Presearchers.standard(), sentiment, registry);
  }

  /** Matching with a chosen presearcher (benchmarks compare them). */
  public static Matching create(Presearcher presearcher, ToSentiment sentiment, MeterRegistry registry) {
    SocialTextAnalyzer analyzer = new SocialTextAnalyzer();
    RuleErrors errors = new RuleErrors(registry);
    RuleBook rules = new RuleBook(analyzer, presearcher, new RuleCompiler(new RuleQueryParser(analyzer)), errors,
        registry);
    return new Matching(rules, new MentionMatcher(rules, sentiment, errors, analyzer));
  }

  /** The live rules; the {@code listener.rules} global store updates them. */
  public RuleBook rules() {
    return rules;
  }

  /** Matches a mention against the live rules. */
  public MentionMatcher matcher() {
    return matcher;
  }

  @Override
  public void close() throws IOException {
    rules.close();
  }
}
