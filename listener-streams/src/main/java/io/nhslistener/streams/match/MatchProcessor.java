package io.nhslistener.streams.match;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.streams.errors.RequiredValues;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The matching step of the topology: each unique mention in, one record per matching organisation out, keyed by
 * organisation id. Retractions are dropped here: a withdrawn post cannot be matched to organisations again, and the
 * counts it already fed stay as they were (see {@code docs/rules.md}, "What is matched").
 *
 * <p>Counts every mention in {@code listener_match_mentions_total{outcome}}: {@code matched}, {@code unmatched},
 * {@code retraction}.
 */
public final class MatchProcessor implements Processor<String, Mention, String, MatchedMention> {
  private final MentionMatcher matcher;
  private final Counter matched;
  private final Counter unmatched;
  private final Counter retractions;
  private ProcessorContext<String, MatchedMention> context;

  public MatchProcessor(MentionMatcher matcher, MeterRegistry registry) {
    this.matcher = matcher;
    this.matched = counter(registry, "matched");
    this.unmatched = counter(registry, "unmatched");
    this.retractions = counter(registry, "retraction");
  }

  @Override
  public void init(ProcessorContext<String, MatchedMention> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Mention> record) {
    Mention mention = RequiredValues.require(record.value(), "Mention");
    if (mention.retraction()) {
      retractions.increment();
      return;
    }
    var results = matcher.match(mention);
    (results.isEmpty() ? unmatched : matched).increment();
    for (MatchedMention result : results) {
      context.forward(record.withKey(result.orgId()).withValue(result));
    }
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("listener.match.mentions")
        .description("Unique mentions through matching, by outcome (matched at least one organisation, or not)")
        .tag("outcome", outcome)
        .register(registry);
  }
}
