package io.nhslistener.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.app.config.AppConfig;
import io.nhslistener.app.process.Watchlists;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.watch.LoadedWatchlist;
import io.nhslistener.streams.match.Matching;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code examples/watchlist.yaml}: valid against {@code examples/listener.yaml}, and its rules find what they say. */
class ExampleWatchlistTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static LoadedWatchlist watchlist;

  @BeforeAll
  static void load() {
    watchlist = Watchlists.load(EXAMPLES.resolve("watchlist.yaml"),
        Watchlists.routeIds(AppConfig.loader(Map.of("LISTENER_HMAC_KEY", "a-test-key-of-sixteen-bytes"))
            .load(EXAMPLES.resolve("listener.yaml"))));
  }

  @Test
  void coversAtLeastTwentyRealOrganisationsOfEveryLevel() {
    List<Watch> watches = watchlist.watches();
    assertTrue(watches.size() >= 20, "organisations: " + watches.size());
    Set<OrgType> types = watches.stream().map(w -> w.org().type()).collect(Collectors.toSet());
    assertTrue(types.containsAll(Set.of(OrgType.NATIONAL, OrgType.REGION, OrgType.ICB, OrgType.TRUST)), types.toString());
    assertTrue(watches.stream().filter(w -> w.org().type() == OrgType.TRUST).count() >= 10);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Six hours in the LGI a&e waiting room tonight|en|mastodon|leeds-teaching-hospitals:sites",
      "LTHT are hiring: jobs at St James's|en|mastodon|",
      "Please share #SaveAiredaleMaternity before Friday|en|bluesky|airedale-nhs-ft:maternity",
      "Thank you @NHSEngland for the update|en|mastodon|nhs-england:handles",
      "Read https://www.england.nhs.uk/statistics/ today|en|rss|nhs-england:press",
      "Aros hir yn Ysbyty Gwynedd heddiw|cy|mastodon|betsi-cadwaladr:name+welsh",
      "Aros hir yn Ysbyty Gwynedd heddiw|en|mastodon|betsi-cadwaladr:name",
      "Oh gosh what a day|en|mastodon|",
      "GOSH children's ward staff were wonderful|en|mastodon|great-ormond-street:name",
      "Waiting in the Royal London Hospital a&e again|en|reddit|barts-health:name+reddit",
      "Waiting at the Royal London for a&e again|en|reddit|barts-health:reddit",
      "Waiting in the Royal London Hospital a&e again|en|mastodon|barts-health:name",
      "Waiting at the Royal London for a&e again|en|mastodon|",
      "Addenbrooke's parking is a nightmare|en|x|cambridge-university-hospitals:name",
      "BRI in Bristol is busy|en|x|",
      "Anaesthetist shortage at the John Radcliffe|en|x|oxford-university-hospitals:name+theatres",
  })
  void rulesFindWhatTheySay(String text, String lang, String source, String expected) throws Exception {
    try (Matching matching = Matching.create(t -> new Sentiment(0, SentimentLabel.NEUTRAL), new SimpleMeterRegistry())) {
      matching.rules().putAll(watchlist.watches());
      Instant now = Instant.parse("2026-03-02T09:00:00Z");
      Mention mention = Mention.builder(source + ":1", source, text, now, now).lang(lang).build();
      String found = matching.matcher().match(mention).stream()
          .map(m -> m.orgId() + ":" + String.join("+", m.ruleIds()))
          .collect(Collectors.joining(","));
      assertEquals(expected == null ? "" : expected, found, text);
    }
  }

  @Test
  void everyOrganisationWithRulesHasANameRule() {
    for (Watch watch : watchlist.watches()) {
      if (!watch.rules().isEmpty()) {
        assertEquals("name", watch.rules().get(0).id(), watch.orgId());
      }
    }
    assertEquals(List.of(), watchlist.problems());
    assertTrue(watchlist.watches().stream().map(Watch::orgId).distinct().count() == watchlist.watches().size());
    List<MatchedMention> none = List.of();
    assertTrue(none.isEmpty());
  }
}
