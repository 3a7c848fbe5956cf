package io.nhslistener.bench;

import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.TermCount;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.streams.match.workload.MentionGenerator;
import io.nhslistener.streams.match.workload.RuleGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic records for the benchmarks, the same mix {@code listener bench} runs: posts from the matching workload's
 * {@link MentionGenerator} dressed as ingest writes them (pseudonymous author key, URL, engagement), matched mentions
 * as the matching stage writes them, and window statistics as the window stage writes them. Deterministic.
 */
public final class BenchData {
  private static final long SEED = 42;

  private BenchData() {}

  /** A small generated watchlist (650 organisations, 1,000 rules): enough for posts to name organisations. */
  public static List<Watch> watchlist() {
    return RuleGenerator.generate(650, 1_000, SEED);
  }

  /** {@code count} posts as ingest writes them to {@code listener.mentions.raw}. */
  public static List<Mention> mentions(int count) {
    SplittableRandom random = new SplittableRandom(SEED);
    List<Mention> mentions = new ArrayList<>(count);
    for (Mention generated : MentionGenerator.generate(count, watchlist(), SEED)) {
      mentions.add(generated.toBuilder()
          .authorKey("a1:" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()))
          .url("https://social.example/@someone/" + Long.toUnsignedString(random.nextLong()))
          .engagement(new Engagement(random.nextInt(50), random.nextInt(10), random.nextInt(5)))
          .build());
    }
    return mentions;
  }

  /** One matched record per post, as the matching stage writes them. */
  public static List<MatchedMention> matched(List<Mention> mentions) {
    SplittableRandom random = new SplittableRandom(SEED);
    List<MatchedMention> matched = new ArrayList<>(mentions.size());
    for (Mention mention : mentions) {
      double compound = random.nextDouble() * 2 - 1;
      SentimentLabel label = compound > 0.05 ? SentimentLabel.POSITIVE
          : compound < -0.05 ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
      matched.add(MatchedMention.of(mention, "leeds-teaching-hospitals-nhs-trust-" + random.nextInt(6500),
          List.of("name"), List.of("leeds teaching hospitals", "#maternity"), new Sentiment(compound, label)));
    }
    return matched;
  }

  /** A busy closed window: ten top terms, five samples, three sources. */
  public static WindowStats windowStats(List<Mention> mentions) {
    List<TermCount> terms = new ArrayList<>();
    for (int t = 0; t < 10; t++) {
      terms.add(new TermCount("term" + t, 40 - t));
    }
    List<SampleMention> samples = new ArrayList<>();
    for (int s = 0; s < 5; s++) {
      Mention mention = mentions.get(s);
      samples.add(new SampleMention(mention.id(), mention.url(), mention.text(), -0.4, 12));
    }
    Instant start = Instant.parse("2026-11-21T10:00:00Z");
    return new WindowStats(1, "leeds-teaching-hospitals-nhs-trust-17", start, start.plusSeconds(60), 120, 97, 30, 50,
        40, -0.12, terms, samples, Map.of("mastodon", 60L, "bluesky", 40L, "reddit", 20L));
  }
}
