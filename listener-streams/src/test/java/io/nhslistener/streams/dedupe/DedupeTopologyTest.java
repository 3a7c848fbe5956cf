package io.nhslistener.streams.dedupe;

import static io.nhslistener.streams.StagesFixture.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.topic.Topics;
import io.nhslistener.streams.StagesFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupeTopologyTest {
  /** A copy-pasted campaign text and an edited copy of it (one name changed), 44 words each. */
  static final String CAMPAIGN = "Save our maternity unit at Airedale General Hospital. The trust wants to move "
      + "births to Bradford, forty minutes away, and mothers in labour cannot wait that long. Sign the petition and "
      + "write to your MP today before the consultation closes on Friday. Please share widely with friends.";
  static final String CAMPAIGN_EDITED = CAMPAIGN.replace("your MP", "Robbie Moore MP");

  @TempDir Path stateDir;
  private StagesFixture stages;

  @AfterEach
  void close() {
    stages.close();
  }

  private StagesFixture open(DedupeConfig config) {
    stages = StagesFixture.dedupe(config, stateDir);
    return stages;
  }

  private List<String> forwardedIds() {
    return stages.uniqueOut.readValuesToList().stream().map(Mention::id).toList();
  }

  private Sighting sighting(String id, Instant around) {
    WindowStore<String, Sighting> store = stages.driver.getWindowStore(DedupeProcessor.SIGHTINGS_STORE);
    try (WindowStoreIterator<Sighting> it = store.fetch(id, around.minus(Duration.ofDays(2)),
        around.plus(Duration.ofDays(2)))) {
      Sighting last = null;
      while (it.hasNext()) {
        KeyValue<Long, Sighting> entry = it.next();
        last = entry.value;
      }
      return last;
    }
  }

  private double counted(String outcome) {
    return stages.registry.get("listener.dedupe.mentions").tag("outcome", outcome).counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }

  @Test
  void exactDuplicateByIdIsDropped() {
    open(DedupeConfig.defaults());
    Mention post = mention("mastodon:1", "Long wait at Leeds A&E tonight", 0).build();
    stages.raw(post);
    stages.raw(post);
    stages.raw(post.toBuilder().ingestedAt(post.ingestedAt().plusSeconds(60)).build());
    assertEquals(List.of("mastodon:1"), forwardedIds());
    assertEquals(2, counted("duplicate"));
  }

  @Test
  void repostIncrementsTheEchoCountOfTheFirstSightingInsteadOfBeingForwarded() {
    open(DedupeConfig.defaults());
    Mention original = mention("bluesky:a", "Ward 12 at St James's is closing", 0).build();
    stages.raw(original);
    stages.raw(mention("bluesky:b", "Ward 12 at St James's is closing", 5).repostOf("bluesky:a").build());
    stages.raw(mention("bluesky:c", "", 9).repostOf("bluesky:b").build());
    assertEquals(List.of("bluesky:a"), forwardedIds());
    assertEquals(2, sighting("bluesky:a", original.createdAt()).echoes());
    assertEquals(2, counted("repost"));
  }

  @Test
  void repostSeenBeforeItsOriginalIsTheFirstSightingAndTheOriginalItsEcho() {
    open(DedupeConfig.defaults());
    Mention repost = mention("x:2", "RT hospital parking fees are back", 0).repostOf("x:1").build();
    stages.raw(repost);
    stages.raw(mention("x:1", "hospital parking fees are back", 3).build());
    assertEquals(List.of("x:2"), forwardedIds());
    assertEquals(1, sighting("x:2", repost.createdAt()).echoes());
  }

  @Test
  void nearDuplicateInsideTheHorizonIsAnEchoAndOutsideItIsNew() {
    open(DedupeConfig.defaults());
    Mention first = mention("reddit:p1", CAMPAIGN, 0).build();
    stages.raw(first);
    stages.raw(mention("mastodon:p2", CAMPAIGN_EDITED, 23 * 60).build());
    assertEquals(List.of("reddit:p1"), forwardedIds());
    assertEquals(1, sighting("reddit:p1", first.createdAt()).echoes());
    assertEquals(1, counted("near_duplicate"));

    stages.raw(mention("mastodon:p3", CAMPAIGN_EDITED, 25 * 60).build());
    assertEquals(List.of("mastodon:p3"), forwardedIds(), "25 h after the first sighting is outside the 24 h horizon");
  }

  @Test
  void theHorizonIsConfigurable() {
    open(new DedupeConfig(Duration.ofHours(1), 3, 8, true));
    stages.raw(mention("reddit:p1", CAMPAIGN, 0).build());
    stages.raw(mention("reddit:p2", CAMPAIGN, 59).build());
    stages.raw(mention("reddit:p3", CAMPAIGN, 121).build());
    assertEquals(List.of("reddit:p1", "reddit:p3"), forwardedIds());
  }

  @Test
  void differentTextsAndShortIdenticalTextsAreSeparateVoices() {
    open(DedupeConfig.defaults());
    stages.raw(mention("x:1", CAMPAIGN, 0).build());
    stages.raw(mention("x:2", "Brilliant care from the nurses on the stroke ward at Harrogate District Hospital "
        + "last week, thank you all so much for looking after my dad", 1).build());
    stages.raw(mention("x:3", "Thank you NHS!", 2).build());
    stages.raw(mention("x:4", "Thank you NHS!", 3).build());
    assertEquals(List.of("x:1", "x:2", "x:3", "x:4"), forwardedIds());
  }

  @Test
  void retractionOfAForwardedMentionIsForwardedOnceAndOfAnEchoIsDropped() {
    open(DedupeConfig.defaults());
    Mention original = mention("mastodon:o", "Leeds GP surgery closing in March", 0).build();
    stages.raw(original);
    stages.raw(mention("mastodon:r", "", 1).repostOf("mastodon:o").build());
    stages.raw(mention("mastodon:o", "", 2).retraction(true).build());
    stages.raw(mention("mastodon:o", "", 3).retraction(true).build());
    stages.raw(mention("mastodon:r", "", 4).retraction(true).build());
    List<Mention> out = stages.uniqueOut.readValuesToList();
    assertEquals(2, out.size());
    assertEquals("mastodon:o", out.get(1).id());
    assertTrue(out.get(1).retraction());
    assertEquals(1, counted("retraction_forwarded"));
    assertEquals(1, counted("retraction_dropped"));
    stages.raw(original);
    assertTrue(stages.uniqueOut.isEmpty(), "a retracted mention redelivered later stays dropped");
  }

  @Test
  void decisionsDependOnEventTimeNotArrivalOrder() {
    open(DedupeConfig.defaults());
    stages.raw(mention("x:late", CAMPAIGN, 30 * 60).build());
    stages.raw(mention("x:early", CAMPAIGN_EDITED, 0).build());
    assertEquals(List.of("x:late", "x:early"), forwardedIds(),
        "30 h apart in event time: both are first sightings although they arrived back to back");
  }

  @Test
  void poisonRecordsAreDeadLetteredAndTheStageCarriesOn() {
    open(DedupeConfig.defaults());
    stages.rawBytes.pipeInput("x:bad", "{not json".getBytes(StandardCharsets.UTF_8));
    stages.rawBytes.pipeInput("x:bad2", "{\"v\":1,\"id\":\"x:bad2\"}".getBytes(StandardCharsets.UTF_8));
    stages.raw(mention("x:ok", "still flowing", 0).build());
    assertEquals(List.of("x:ok"), forwardedIds());
    List<DeadLetter> letters = stages.deadLetters.readValuesToList();
    assertEquals(2, letters.size());
    DeadLetter first = letters.get(0);
    assertEquals("dedupe", first.stage());
    assertEquals(Topics.MENTIONS_RAW.name(), first.origin());
    assertEquals(0, first.offset());
    assertEquals("{not json", new String(first.value(), StandardCharsets.UTF_8));
    assertTrue(first.reason().startsWith("malformed: "), first.reason());
    assertTrue(letters.get(1).reason().contains("Mention.source"), letters.get(1).reason());
    assertEquals(2, stages.registry.get("listener.deadletters").tag("stage", "dedupe").tag("reason", "malformed")
        .counter().count());
  }
}
