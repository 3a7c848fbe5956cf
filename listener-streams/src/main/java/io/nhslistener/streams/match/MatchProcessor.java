package io.nhslistener.streams.match;

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
 * <p>Counts every mention, matches per organisation and latency in {@link MatchMeters}.
 */
public final class MatchProcessor implements Processor<String, Mention, String, MatchedMention> {
  private final MentionMatcher matcher;
  private final MatchMeters meters;
  private ProcessorContext<String, MatchedMention> context;

  public MatchProcessor(MentionMatcher matcher, MatchMeters meters) {
    this.matcher = matcher;
    this.meters = meters;
  }

  @Override
  public void init(ProcessorContext<String, MatchedMention> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Mention> record) {
    Mention mention = RequiredValues.require(record.value(), "Mention");
    if (mention.retraction()) {
      meters.retraction();
      return;
    }
    var results = matcher.match(mention);
    meters.matched(mention, results);
    for (MatchedMention result : results) {
      context.forward(record.withKey(result.orgId()).withValue(result));
    }
  }
}
