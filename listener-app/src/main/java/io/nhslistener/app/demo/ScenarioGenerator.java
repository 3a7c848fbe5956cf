package io.nhslistener.app.demo;

import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.privacy.Pseudonymiser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Expands a {@link Scenario} into its mentions, deterministically: the same scenario and run tag always yield the same
 * mentions in the same order (by event time, then id). The run tag goes into every mention id, so a second run of the
 * demo is new mentions rather than redeliveries of the first. The authors are fictional; their keys are pseudonyms
 * like any other.
 */
public final class ScenarioGenerator {
  private static final String[] SOCIAL_SOURCES = {"mastodon", "bluesky", "reddit"};
  private static final Pseudonymiser AUTHORS = new Pseudonymiser("nhs-listener demo scenario authors");

  private final Scenario scenario;
  private final String runTag;
  private final Random random;
  private final List<Mention> out = new ArrayList<>();
  private long sequence;

  private ScenarioGenerator(Scenario scenario, String runTag) {
    this.scenario = scenario;
    this.runTag = runTag;
    this.random = new Random(scenario.seed());
  }

  /**
   * Every mention of the scenario, sorted by event time then id.
   *
   * @param runTag distinguishes this run's mention ids from other runs', e.g. the run's start time
   */
  public static List<Mention> generate(Scenario scenario, String runTag) {
    ScenarioGenerator generator = new ScenarioGenerator(scenario, runTag);
    scenario.streams().forEach(generator::stream);
    scenario.campaigns().forEach(generator::campaign);
    scenario.news().forEach(generator::news);
    generator.out.sort(Comparator.comparing(Mention::createdAt).thenComparing(Mention::id));
    return List.copyOf(generator.out);
  }

  private void stream(Scenario.PostStream stream) {
    Scenario.Theme theme = scenario.themes().get(stream.theme());
    if (theme == null) {
      throw new IllegalArgumentException("stream for " + stream.org() + " names unknown theme " + stream.theme());
    }
    for (Duration minute = stream.from(); minute.compareTo(stream.to()) < 0; minute = minute.plusMinutes(1)) {
      double rate = stream.perMinute() * ramp(stream, minute) * (stream.daily() ? daytime(minute) : 1.0);
      int posts = poisson(rate);
      for (int i = 0; i < posts; i++) {
        Instant at = scenario.start().plus(minute).plusMillis(random.nextInt(60_000));
        String text = compose(theme, stream.org());
        if (stream.hashtag() != null && random.nextDouble() < stream.hashtagShare()) {
          text = text + " " + stream.hashtag();
        }
        out.add(post(pick(SOCIAL_SOURCES), at, text, null));
      }
    }
  }

  private void campaign(Scenario.Campaign campaign) {
    String text = fill(campaign.text(), campaign.org());
    String firstId = null;
    for (int i = 0; i < campaign.copies(); i++) {
      Mention copy = post(pick(SOCIAL_SOURCES), spread(campaign, i, campaign.copies(), Duration.ZERO), text, null);
      firstId = firstId == null ? copy.id() : firstId;
      out.add(copy);
    }
    // Reposts start a minute after the original so that no repost precedes what it reposts.
    for (int i = 0; firstId != null && i < campaign.reposts(); i++) {
      out.add(post(pick(SOCIAL_SOURCES), spread(campaign, i, campaign.reposts(), Duration.ofMinutes(1)), text,
          firstId));
    }
  }

  private Instant spread(Scenario.Campaign campaign, int index, int count, Duration delay) {
    long spanMs = campaign.to().minus(campaign.from()).minus(delay).toMillis();
    return scenario.start().plus(campaign.from()).plus(delay).plusMillis(spanMs * index / Math.max(1, count));
  }

  private void news(Scenario.NewsItem item) {
    Instant at = scenario.start().plus(item.at());
    String text = item.summary() == null ? item.title() : item.title() + ". " + item.summary();
    out.add(Mention.builder("rss:" + runTag + "-" + Integer.toHexString(item.url().hashCode()), "rss", text, at, at)
        .url(item.url())
        .lang("en")
        .build());
  }

  private Mention post(String source, Instant at, String text, String repostOf) {
    long n = ++sequence;
    String author = AUTHORS.authorKey("demo", "author-" + random.nextInt(scenario.authors()));
    return Mention.builder(source + ":" + runTag + "-" + n, source, text, at, at)
        .url("https://" + source + ".example/posts/" + n)
        .authorKey(author)
        .lang("en")
        .repostOf(repostOf)
        .engagement(new Engagement(poisson(3), poisson(1), poisson(1)))
        .build();
  }

  private String compose(Scenario.Theme theme, String org) {
    String text = String.join(" ", pick(theme.openers()), pick(theme.bodies()), pick(theme.details()),
        pick(theme.closers()));
    return fill(text.replaceAll(" {2,}", " ").strip(), org);
  }

  private String fill(String template, String org) {
    List<String> names = scenario.aliases().get(org);
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("no aliases for organisation " + org);
    }
    String text = template;
    while (text.contains("{org}")) {
      text = text.replaceFirst("\\{org}", pick(names));
    }
    return text;
  }

  /** Linear ramp from 0 at the stream's start to 1 after {@code rampUp}. */
  private static double ramp(Scenario.PostStream stream, Duration offset) {
    if (stream.rampUp() == null || stream.rampUp().isZero()) {
      return 1.0;
    }
    double done = (double) offset.minus(stream.from()).toMillis() / stream.rampUp().toMillis();
    return Math.min(1.0, Math.max(0.05, done));
  }

  /** Activity by hour of day on the scenario clock: quiet at night, busiest early afternoon. */
  private double daytime(Duration offset) {
    var time = scenario.start().plus(offset).atOffset(ZoneOffset.UTC);
    double hour = time.getHour() + time.getMinute() / 60.0;
    return 0.3 + 0.7 * Math.exp(-Math.pow(hour - 13.0, 2) / (2 * 16.0));
  }

  private int poisson(double mean) {
    // Knuth's method: exact and fast for the small means used here.
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
