package io.nhslistener.streams.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.Watch;
import io.nhslistener.streams.match.workload.MentionGenerator;
import io.nhslistener.streams.match.workload.RuleGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every presearcher, behind the candidate gate, finds exactly the matches of running every rule on every mention
 * ({@code Presearcher.NO_FILTERING}, which also opens the gate), rule ids and terms included.
 */
class GateSoundnessTest {
  private static final Sentiment NEUTRAL = new Sentiment(0, SentimentLabel.NEUTRAL);
  private static final List<Watch> WATCHES = RuleGenerator.generate(150, 300, 11);
  private static final List<Mention> MENTIONS = MentionGenerator.generate(400, WATCHES, 13);

  private static List<MatchedMention> matchAll(String presearcher) throws Exception {
    try (Matching matching = Matching.create(Presearchers.named(presearcher), text -> NEUTRAL,
        new SimpleMeterRegistry())) {
      matching.rules().putAll(WATCHES);
      List<MatchedMention> all = new ArrayList<>();
      MENTIONS.forEach(m -> all.addAll(matching.matcher().match(m)));
      return all;
    }
  }

  private static List<MatchedMention> everyRule;

  @BeforeAll
  static void runEveryRuleOnEveryMention() throws Exception {
    everyRule = matchAll("none");
    assertTrue(everyRule.size() > 10, "the workload should match something: " + everyRule.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"term", "multipass2", "multipass3"})
  void findsWhatRunningEveryRuleFinds(String presearcher) throws Exception {
    assertEquals(everyRule, matchAll(presearcher));
  }
}
