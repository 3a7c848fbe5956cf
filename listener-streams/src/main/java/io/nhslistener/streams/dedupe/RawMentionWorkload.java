package io.nhslistener.streams.dedupe;

import io.nhslistener.core.model.Mention;
import io.nhslistener.streams.match.workload.MentionGenerator;
import io.nhslistener.streams.match.workload.RuleGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic raw-mention stream for dedupe benchmarks and tests, in arrival order: 65 % new posts (the matching workload's NHS
 * talk), 10 % exact redeliveries of a recent post, 15 % reposts of a recent post (same text, {@code repostOf} set),
 * 10 % near-duplicates (a recent post of at least 15 words with one word changed, under a new id). Deterministic.
 */
public final class RawMentionWorkload {
  /** How far back an echo reaches, in mentions. */
  private static final int RECENT = 2_000;

  private RawMentionWorkload() {}

  /** {@code count} raw mentions; the same for the same seed. */
  public static Mention[] generate(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Mention> posts = MentionGenerator.generate(count, RuleGenerator.generate(650, 1_000, seed), seed);
    List<Mention> stream = new ArrayList<>(count);
    int fresh = 0;
    for (int n = 0; n < count; n++) {
      int roll = random.nextInt(100);
      Mention recent = stream.isEmpty() ? null : stream.get(Math.max(0, stream.size() - 1 - random.nextInt(RECENT)));
      Mention post = posts.get(fresh);
      if (recent == null || roll < 65) {
        stream.add(post);
        fresh++;
      } else if (roll < 75) {
        stream.add(recent);
      } else if (roll < 90) {
        stream.add(post.toBuilder().text(recent.text()).repostOf(recent.id()).build());
        fresh++;
      } else {
        stream.add(post.toBuilder().text(edited(recent.text(), random)).build());
        fresh++;
      }
    }
    return stream.toArray(Mention[]::new);
  }

  /** The text with one word replaced, when it has at least 15 words; otherwise unchanged. */
  private static String edited(String text, SplittableRandom random) {
    String[] words = text.split(" ");
    if (words.length < 15) {
      return text;
    }
    words[random.nextInt(words.length)] = "changed";
    return String.join(" ", words);
  }
}
