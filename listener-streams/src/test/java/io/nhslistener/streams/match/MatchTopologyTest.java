package io.nhslistener.streams.match;

import static io.nhslistener.streams.StagesFixture.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.streams.StagesFixture;
import io.nhslistener.streams.dedupe.DedupeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchTopologyTest {
  @TempDir Path stateDir;
  private StagesFixture stages;

  @AfterEach
  void close() {
    stages.close();
  }

  private StagesFixture open() {
    stages = StagesFixture.matching(stateDir);
    return stages;
  }

  private List<MatchedMention> match(Mention mention) {
    stages.unique(mention);
    return stages.matched.readValuesToList();
  }

  private List<String> orgsMatching(String text) {
    return match(mention("mastodon:" + text.hashCode(), text, 0).build()).stream().map(MatchedMention::orgId).toList();
  }

  private static Watch watch(String orgId, List<String> handles, WatchRule... rules) {
    return Watch.of(new Organisation(orgId, "Organisation " + orgId, OrgType.TRUST, null, handles), List.of(rules),
        List.of(), null);
  }

  @Test
  void oneMatchedMentionPerOrganisationKeyedByOrganisationWithRulesTermsAndSentiment() {
    open();
    stages.watch("leeds-th", "name=\"Leeds Teaching Hospitals\" OR LTHT", "ae=\"a&e\" AND leeds");
    stages.watch("nhs-england", "name=#NHS OR \"NHS England\"");
    stages.watch("bradford-th", "name=bradford");
    Mention post = mention("mastodon:1", "Six hours in A&E at Leeds Teaching Hospitals' LGI tonight #NHS", 0).build();
    stages.unique(post);
    var out = stages.matched.readKeyValuesToList();
    assertEquals(List.of("leeds-th", "nhs-england"), out.stream().map(kv -> kv.key).toList());
    MatchedMention leeds = out.get(0).value;
    assertEquals("leeds-th", leeds.orgId());
    assertEquals(List.of("ae", "name"), leeds.ruleIds());
    assertEquals(List.of("a&e", "leeds", "leeds teaching hospitals"), leeds.terms());
    assertEquals(post, leeds.mention());
    assertEquals(StagesFixture.SCORED, leeds.sentiment());
    assertEquals(List.of("#nhs"), out.get(1).value.terms());
    assertEquals(1, stages.sentimentCalls.get(), "sentiment is scored once per mention, not per organisation");
  }

  @Test
  void mentionsMatchingNothingProduceNothingAndAreNotScored() {
    open();
    stages.watch("leeds-th", "name=leeds");
    assertEquals(List.of(), orgsMatching("Lovely weather in Harrogate"));
    assertEquals(0, stages.sentimentCalls.get());
    assertEquals(1, stages.registry.get("listener.match.mentions").tag("outcome", "unmatched").counter().count());
  }

  @Test
  void hashtagAndPlainWordAreDifferentTerms() {
    open();
    stages.watch("tag", "r=#NHS");
    stages.watch("word", "r=NHS");
    assertEquals(List.of("tag"), orgsMatching("Happy birthday #NHS"));
    assertEquals(List.of("word"), orgsMatching("Happy birthday NHS"));
    assertEquals(List.of("tag", "word"), orgsMatching("The NHS at 78 #nhs"));
  }

  @Test
  void exclusionsRemoveMatches() {
    open();
    stages.watch("leeds-th", "r=(leeds OR lgi) AND hospital -jobs -(\"car park\" OR parking)");
    assertEquals(List.of("leeds-th"), orgsMatching("Leeds hospital praised by inspectors"));
    assertEquals(List.of(), orgsMatching("Leeds hospital jobs fair on Saturday"));
    assertEquals(List.of(), orgsMatching("LGI hospital car park full again"));
  }

  @Test
  void ruleLanguagesAndSourcesRestrictWhichMentionsARuleSees() {
    open();
    stages.watch(watch("betsi", List.of(),
        new WatchRule("welsh", "ysbyty", List.of("cy"), List.of()),
        new WatchRule("reddit", "\"junior doctors\"", List.of(), List.of("reddit"))));
    assertEquals(1, match(mention("mastodon:1", "Ysbyty Gwynedd", 0).lang("cy").build()).size());
    assertEquals(1, match(mention("mastodon:2", "Ysbyty Gwynedd", 0).lang("cy-GB").build()).size());
    assertEquals(0, match(mention("mastodon:3", "Ysbyty Gwynedd", 0).lang("en").build()).size());
    assertEquals(0, match(mention("mastodon:4", "Ysbyty Gwynedd", 0).build()).size(),
        "a mention without a language matches only rules without languages");
    assertEquals(1, match(mention("reddit:5", "junior doctors strike", 0).build()).size());
    assertEquals(0, match(mention("mastodon:6", "junior doctors strike", 0).build()).size());
  }

  @Test
  void handlesFormARuleOfTheirOwn() {
    open();
    stages.watch(watch("nhs-england", List.of("@NHSEngland", "@nhsengland.bsky.social")));
    List<MatchedMention> out = match(mention("bluesky:1", "Thanks @nhsengland.bsky.social", 0).build());
    assertEquals(List.of("handles"), out.get(0).ruleIds());
    assertEquals(List.of("@nhsengland.bsky.social"), out.get(0).terms());
    assertEquals(1, match(mention("mastodon:2", "cc @NHSEngland@mastodon.social", 0).build()).size());
    assertEquals(0, match(mention("mastodon:3", "NHS England", 0).build()).size());
  }

  @Test
  void rulesAreAddedChangedAndDeletedWhileRunning() {
    open();
    assertEquals(List.of(), orgsMatching("Airedale maternity unit to close"));

    stages.watch("airedale", "name=airedale");
    assertEquals(List.of("airedale"), orgsMatching("Airedale maternity unit to close"));

    stages.watch("airedale", "name=\"Airedale General\"");
    assertEquals(List.of(), orgsMatching("Airedale maternity unit to close, again"));
    assertEquals(List.of("airedale"), orgsMatching("Airedale General maternity unit"));

    stages.watch("airedale", "name=\"Airedale General\"", "maternity=maternity AND airedale");
    List<MatchedMention> both = match(mention("x:9", "Airedale General maternity unit, day 2", 0).build());
    assertEquals(List.of("maternity", "name"), both.get(0).ruleIds());

    stages.watch("airedale", "maternity=maternity AND airedale");
    assertEquals(List.of("maternity"),
        match(mention("x:10", "Airedale General maternity unit, day 3", 0).build()).get(0).ruleIds());

    stages.unwatch("airedale");
    assertEquals(List.of(), orgsMatching("Airedale General maternity unit, day 4"));
    KeyValueStore<String, Watch> store = stages.driver.getKeyValueStore(MatchStage.RULES_STORE);
    assertEquals(null, store.get("airedale"));
    assertEquals(0, stages.matching.rules().ruleCount());
  }

  @Test
  void aRuleThatFailsAtMatchTimeIsCountedAndNeverStopsTheOthers() {
    open();
    stages.watch("leeds-th", "name=leeds");
    stages.matching.rules().register(new CompiledRule("broken-org", "bad", "failing(leeds)", new FailingQuery("leeds")));
    assertEquals(List.of("leeds-th"), orgsMatching("Leeds hospital"));
    assertEquals(List.of("leeds-th"), orgsMatching("Leeds hospital again"));
    assertEquals(2, stages.registry.get("listener.match.rule.errors").tag("organisation", "broken-org").counter()
        .count());
  }

  @Test
  void retractionsAreDropped() {
    open();
    stages.watch("leeds-th", "name=leeds");
    assertEquals(List.of(), match(mention("x:1", "Leeds", 0).retraction(true).build()));
    assertEquals(1, stages.registry.get("listener.match.mentions").tag("outcome", "retraction").counter().count());
  }

  @Test
  void poisonMentionsAreDeadLetteredAndUnreadableRulesSkippedWithoutStoppingMatching() {
    open();
    stages.watch("leeds-th", "name=leeds");
    stages.rulesBytes.pipeInput("leeds-th", "{\"v\":1,\"org\":{\"id\":\"Bad Id\"}}".getBytes(StandardCharsets.UTF_8));
    stages.uniqueBytes.pipeInput("x:bad", "not json at all".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("leeds-th"), orgsMatching("Leeds General"), "the previous rules of leeds-th stay live");
    List<DeadLetter> letters = stages.deadLetters.readValuesToList();
    assertEquals(1, letters.size());
    assertEquals("match", letters.get(0).stage());
    assertEquals(Topics.MENTIONS_UNIQUE.name(), letters.get(0).origin());
    assertEquals("not json at all", new String(letters.get(0).value(), StandardCharsets.UTF_8));
    assertEquals(1, stages.registry.get("listener.rules.unreadable").counter().count());
  }

  @Test
  void dedupeAndMatchingComposeIntoOneTopology() {
    stages = StagesFixture.both(DedupeConfig.defaults(), stateDir);
    stages.watch("leeds-th", "name=leeds");
    Mention post = mention("x:1", "Leeds A&E queue", 0).build();
    stages.raw(post);
    stages.raw(post);
    stages.raw(mention("x:2", "", 1).repostOf("x:1").build());
    assertEquals(List.of("x:1"), stages.matched.readValuesToList().stream().map(m -> m.mention().id()).toList());
  }

  /** A query that throws when it is run, standing in for a rule that fails at match time. */
  private static final class FailingQuery extends Query {
    private final String term;

    FailingQuery(String term) {
      this.term = term;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      throw new IllegalStateException("this rule always fails");
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.consumeTerms(this, new Term("text", term));
    }

    @Override
    public String toString(String field) {
      return "failing(" + term + ")";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof FailingQuery f && f.term.equals(term);
    }

    @Override
    public int hashCode() {
      return term.hashCode();
    }
  }
}
