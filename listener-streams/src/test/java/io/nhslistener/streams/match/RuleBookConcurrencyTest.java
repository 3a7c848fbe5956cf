package io.nhslistener.streams.match;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * A rule change may be applied by any thread that touches the rule book, a metrics scrape among them; a mention
 * matched meanwhile on the stream thread must wait for it, not run against the rules of before.
 */
class RuleBookConcurrencyTest {
  /** The standard presearcher, able to stop the first rule it indexes until the test lets it go. */
  private static final class HoldingPresearcher extends Presearcher {
    private final Presearcher standard = Presearchers.standard();
    private final CountDownLatch indexing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hold;

    @Override
    public Query buildQuery(LeafReader reader, BiPredicate<String, BytesRef> termAcceptor) {
      return standard.buildQuery(reader, termAcceptor);
    }

    @Override
    public Document indexQuery(Query query, Map<String, String> metadata) {
      if (hold) {
        hold = false;
        indexing.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return standard.indexQuery(query, metadata);
    }
  }

  @Test
  void aMatchWaitsForAnUpdateAnotherThreadIsApplying() throws Exception {
    HoldingPresearcher presearcher = new HoldingPresearcher();
    try (Matching matching = Matching.create(presearcher, text -> new Sentiment(0, SentimentLabel.NEUTRAL),
        new SimpleMeterRegistry())) {
      RuleBook rules = matching.rules();
      rules.put(Watch.of(new Organisation("ashdown", "Ashdown Trust", OrgType.TRUST, null, List.of()),
          List.of(new WatchRule("name", "ashdown", List.of(), List.of())), List.of(), null));
      presearcher.hold = true;
      Thread scrape = new Thread(rules::ruleCount, "scrape"); // what the listener_rules_active gauge does
      scrape.start();
      assertTrue(presearcher.indexing.await(30, TimeUnit.SECONDS), "the scrape thread is applying the change");

      AtomicReference<RuleMatches> matched = new AtomicReference<>();
      Mention mention = Mention.builder("mastodon:1", "mastodon", "Long waits at Ashdown again",
          Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T09:00:01Z")).build();
      Thread stream = new Thread(() -> matched.set(rules.match(mention)), "stream");
      stream.start();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> stream.getState() == Thread.State.BLOCKED || !stream.isAlive());
      presearcher.release.countDown();
      stream.join(30_000);
      scrape.join(30_000);

      assertEquals(1, matched.get().matches().size(), "the mention was matched against the new rule");
    }
  }
}
