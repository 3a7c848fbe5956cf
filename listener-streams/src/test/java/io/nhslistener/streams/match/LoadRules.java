package io.nhslistener.streams.match;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.streams.match.workload.RuleGenerator;

/**
 * Loads a generated watchlist into a fresh {@link Matching} with the standard presearcher, as the streams role does
 * when it restores {@code listener.rules}, and prints {@code rules <count>}. Run in a child JVM by
 * {@link RuleLoadHeapIT} to bound the heap a load needs.
 *
 * <p>Arguments: organisations, rules.
 */
public final class LoadRules {
  private LoadRules() {}

  public static void main(String[] args) throws Exception {
    var watches = RuleGenerator.generate(Integer.parseInt(args[0]), Integer.parseInt(args[1]), 7);
    try (Matching matching = Matching.create(text -> new Sentiment(0, SentimentLabel.NEUTRAL),
        new SimpleMeterRegistry())) {
      matching.rules().putAll(watches);
      System.out.println("rules " + matching.rules().ruleCount());
    }
  }
}
