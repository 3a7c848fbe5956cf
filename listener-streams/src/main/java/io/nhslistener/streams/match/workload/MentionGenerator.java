package io.nhslistener.streams.match.workload;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Watch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic NHS social posts for benchmarks, 10 to 45 words: most are everyday chatter about care, waits and strikes
 * that names no watched organisation; about a quarter name a place and a service (the presearcher must look at the
 * rules of that place); about one in twenty names an organisation of the watchlist by name, abbreviation, hashtag or
 * handle. Some carry hashtags and links. Languages are mostly {@code en}, a few {@code cy} or unknown; sources vary.
 *
 * <p>Deterministic for a given seed and watchlist.
 */
public final class MentionGenerator {
  private static final List<String> SOURCES = List.of("mastodon", "bluesky", "reddit", "rss", "x");
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private final SplittableRandom random;
  private final List<Watch> watches;

  private MentionGenerator(List<Watch> watches, long seed) {
    this.watches = watches;
    this.random = new SplittableRandom(seed);
  }

  /** {@code count} mentions, one second apart, ids {@code <source>:<n>}. */
  public static List<Mention> generate(int count, List<Watch> watches, long seed) {
    return new MentionGenerator(watches, seed).mentions(count);
  }

  private List<Mention> mentions(int count) {
    List<Mention> mentions = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      String source = pick(SOURCES);
      Instant created = START.plusSeconds(n);
      int roll = random.nextInt(100);
      String lang = roll < 95 ? "en" : roll < 98 ? "cy" : null;
      mentions.add(Mention.builder(source + ":" + n, source, text(), created, created.plusSeconds(2))
          .lang(lang)
          .build());
    }
    return mentions;
  }

  private String text() {
    StringBuilder text = new StringBuilder(pick(Vocabulary.OPENINGS));
    int roll = random.nextInt(100);
    int words = 8 + random.nextInt(30);
    int subjectAt = random.nextInt(words);
    for (int w = 0; w < words; w++) {
      if (w == subjectAt) {
        if (roll < 5 && !watches.isEmpty()) {
          text.append(' ').append(organisationReference(watches.get(random.nextInt(watches.size()))));
        } else if (roll < 30) {
          text.append(' ').append(pick(Vocabulary.PLACES)).append(' ').append(pick(Vocabulary.SERVICES));
        }
      }
      text.append(' ').append(pick(Vocabulary.FILLER));
    }
    if (random.nextInt(4) == 0) {
      text.append(' ').append(pick(Vocabulary.HASHTAGS));
    }
    if (random.nextInt(5) == 0) {
      text.append(' ').append(pick(Vocabulary.TOPIC_WORDS));
    }
    if (random.nextInt(6) == 0) {
      text.append(' ').append(pick(Vocabulary.LINKS));
    }
    return text.toString();
  }

  /** How people refer to an organisation: its name, an abbreviation, a hashtag or a handle. */
  private String organisationReference(Watch watch) {
    String name = watch.org().name();
    return switch (random.nextInt(4)) {
      case 0 -> name;
      case 1 -> RuleGenerator.abbreviation(name);
      case 2 -> "#" + RuleGenerator.camel(name.replace(" NHS Foundation Trust", "").replace(" NHS Trust", ""));
      default -> watch.org().handles().isEmpty() ? name : watch.org().handles().get(0);
    };
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
