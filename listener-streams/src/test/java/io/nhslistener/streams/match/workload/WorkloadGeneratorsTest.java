package io.nhslistener.streams.match.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.text.SocialTextAnalyzer;
import io.nhslistener.core.watch.RuleQueryParser;
import io.nhslistener.streams.match.CompiledWatch;
import io.nhslistener.streams.match.Matching;
import io.nhslistener.streams.match.RuleCompiler;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadGeneratorsTest {
  private static final Sentiment NEUTRAL = new Sentiment(0, SentimentLabel.NEUTRAL);

  @Test
  void generatesTheRequestedRulesAcrossTheRequestedOrganisationsAllValid() {
    List<Watch> watches = RuleGenerator.generate(650, 1000, 42);
    assertEquals(650, watches.size());
    RuleCompiler compiler = new RuleCompiler(new RuleQueryParser(new SocialTextAnalyzer()));
    int rules = 0;
    Set<String> ids = new HashSet<>();
    for (Watch watch : watches) {
      CompiledWatch compiled = compiler.compile(watch);
      assertEquals(List.of(), compiled.rejected(), watch.orgId());
      rules += compiled.rules().size();
      assertTrue(ids.add(watch.orgId()), "duplicate id " + watch.orgId());
    }
    assertEquals(1000, rules);
    assertEquals(watches, RuleGenerator.generate(650, 1000, 42), "same seed, same watchlist");
  }

  @Test
  void rejectsImpossibleSizes() {
    assertThrows(IllegalArgumentException.class, () -> RuleGenerator.generate(10, 9, 1));
    assertThrows(IllegalArgumentException.class, () -> RuleGenerator.generate(10, 51, 1));
  }

  @Test
  void mentionsMatchSomeOrganisationsButMostlyNone() throws Exception {
    List<Watch> watches = RuleGenerator.generate(650, 1000, 42);
    List<Mention> mentions = MentionGenerator.generate(2000, watches, 7);
    assertEquals(mentions, MentionGenerator.generate(2000, watches, 7));
    try (Matching matching = Matching.create(text -> NEUTRAL, new SimpleMeterRegistry())) {
      matching.rules().putAll(watches);
      long matched = mentions.stream().filter(m -> !matching.matcher().match(m).isEmpty()).count();
      double rate = matched / 2000.0;
      assertTrue(rate > 0.02 && rate < 0.3, "match rate " + rate);
      List<MatchedMention> sample = mentions.stream().map(m -> matching.matcher().match(m))
          .filter(l -> !l.isEmpty()).findFirst().orElseThrow();
      assertTrue(!sample.get(0).terms().isEmpty());
    }
  }
}
