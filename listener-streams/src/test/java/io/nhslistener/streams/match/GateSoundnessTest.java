package io.nhslistener.streams.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import io.nhslistener.streams.StagesFixture;
import io.nhslistener.streams.match.workload.MentionGenerator;
import io.nhslistener.streams.match.workload.RuleGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every presearcher, behind the candidate gate and with the Monitor's document cut to the rules' vocabulary, finds
 * exactly the matches of running every rule on the whole of every mention ({@code Presearcher.NO_FILTERING}, which
 * also opens the gate), rule ids and terms included.
 */
class GateSoundnessTest {
  private static final Sentiment NEUTRAL = new Sentiment(0, SentimentLabel.NEUTRAL);
  private static final List<Watch> WATCHES = RuleGenerator.generate(150, 300, 11);
  private static final List<Mention> MENTIONS = MentionGenerator.generate(400, WATCHES, 13);

  /** One rule per feature the vocabulary must keep a term for, and words around them that no rule reads. */
  private static final List<Watch> FEATURE_WATCHES = List.of(Watch.of(
      new Organisation("features", "Features", OrgType.TRUST, null, List.of("@LeedsTH")),
      List.of(rule("prefix", "vaccin*"), rule("wildcard", "hosp?tal* AND leeds"),
          rule("proximity", "\"ward closure\"~3"), rule("phrase", "\"a&e waits\""),
          rule("exclusion", "bradford -jobs -\"car park\""), rule("domain", "domain:bbc.co.uk AND strike"),
          rule("tag", "#SaveOurWard OR #nhs"), rule("welsh", "ysbyty", List.of("cy"), List.of()),
          rule("reddit", "\"junior doctors\"", List.of(), List.of("reddit"))),
      List.of(), null));
  private static final List<Mention> FEATURE_MENTIONS = List.of(
      mention("mastodon:1", "Vaccination clinic and vaccines at the town hall", "en"),
      mention("mastodon:2", "The hospitals of Leeds, and one hospital in York", "en"),
      mention("mastodon:3", "Plans for the ward: its closure by stealth", "en"),
      mention("mastodon:4", "Ward plans, then after many many more words a closure", "en"),
      mention("mastodon:5", "Four hours of A&E waits tonight", "en"),
      mention("mastodon:6", "Bradford hospital is great", "en"),
      mention("mastodon:7", "Bradford jobs fair", "en"),
      mention("mastodon:8", "Bradford car park full again", "en"),
      mention("mastodon:9", "Nurses strike https://www.bbc.co.uk/news/health-1", "en"),
      mention("mastodon:10", "Nurses strike https://example.org/health", "en"),
      mention("bluesky:11", "We must #saveourward, thanks @LeedsTH and the #NHS", "en"),
      mention("mastodon:12", "Ysbyty Gwynedd ar agor", "cy-GB"),
      mention("mastodon:13", "Ysbyty Gwynedd ar agor", "en"),
      mention("reddit:14", "junior doctors strike again", "en"),
      mention("mastodon:15", "junior doctors strike again", "en"));

  private static WatchRule rule(String id, String query) {
    return rule(id, query, List.of(), List.of());
  }

  private static WatchRule rule(String id, String query, List<String> languages, List<String> sources) {
    return new WatchRule(id, query, languages, sources);
  }

  /** A mention from the source its id begins with. */
  private static Mention mention(String id, String text, String lang) {
    return StagesFixture.mention(id, text, 0).lang(lang).build();
  }

  private static List<MatchedMention> matchAll(String presearcher, List<Watch> watches, List<Mention> mentions)
      throws Exception {
    try (Matching matching = Matching.create(Presearchers.named(presearcher), text -> NEUTRAL,
        new SimpleMeterRegistry())) {
      matching.rules().putAll(watches);
      List<MatchedMention> all = new ArrayList<>();
      mentions.forEach(m -> all.addAll(matching.matcher().match(m)));
      return all;
    }
  }

  private static List<MatchedMention> matchAll(String presearcher) throws Exception {
    return matchAll(presearcher, WATCHES, MENTIONS);
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

  @ParameterizedTest
  @ValueSource(strings = {"term", "multipass2", "multipass3"})
  void findsWhatRunningEveryRuleFindsWithEveryQueryFeature(String presearcher) throws Exception {
    List<MatchedMention> expected = matchAll("none", FEATURE_WATCHES, FEATURE_MENTIONS);
    assertEquals(List.of("mastodon:1", "mastodon:2", "mastodon:3", "mastodon:5", "mastodon:6", "mastodon:9",
        "bluesky:11", "mastodon:12", "reddit:14"),
        expected.stream().map(m -> m.mention().id()).toList(), "every feature matches where it should");
    assertEquals(expected, matchAll(presearcher, FEATURE_WATCHES, FEATURE_MENTIONS));
  }
}
