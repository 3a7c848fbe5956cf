package io.nhslistener.app.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A demo scenario: who is watched, and what people say about them over a compressed day. Everything in it is written
 * by the team and expanded deterministically from {@link #seed}, so a replay tells the same story every time.
 *
 * @param name title printed by the demo
 * @param seed random seed of the expansion
 * @param start scenario clock at the first post (the demo shifts it to the moment it starts)
 * @param length how long the scenario runs on its own clock
 * @param watchlist watchlist file, relative to the scenario file or a classpath resource name
 * @param authors size of the pool of fictional authors
 * @param aliases how posts name each organisation ({@code {org}} in texts picks one at random)
 * @param streams posting streams: background chatter and incidents
 * @param campaigns copy-pasted texts posted many times
 * @param news single news items, e.g. a local paper's feed entry
 * @param themes texts by theme: each theme has openers, bodies and closers combined at random
 */
public record Scenario(
    @JsonProperty(required = true) String name,
    long seed,
    @JsonProperty(required = true) Instant start,
    @JsonProperty(required = true) Duration length,
    @JsonProperty(required = true) String watchlist,
    int authors,
    @JsonProperty(required = true) Map<String, List<String>> aliases,
    List<PostStream> streams,
    List<Campaign> campaigns,
    List<NewsItem> news,
    @JsonProperty(required = true) Map<String, Theme> themes) {

  public Scenario {
    streams = streams == null ? List.of() : List.copyOf(streams);
    campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
    news = news == null ? List.of() : List.copyOf(news);
    themes = Map.copyOf(themes);
    aliases = Map.copyOf(aliases);
    if (authors <= 0) {
      authors = 2000;
    }
  }

  /**
   * Posts about one organisation at a Poisson rate between two scenario offsets.
   *
   * @param org organisation the posts name (used for {@code {org}} placeholders)
   * @param theme theme of the texts
   * @param from start offset
   * @param to end offset
   * @param perMinute mean posts per minute at full rate
   * @param rampUp time over which the rate grows linearly from 0 to {@code perMinute} (zero: at once)
   * @param daily whether the rate follows a daytime curve (quieter early and late)
   * @param hashtag appended to a share of the posts, or null
   * @param hashtagShare share of posts carrying the hashtag
   */
  public record PostStream(
      @JsonProperty(required = true) String org,
      @JsonProperty(required = true) String theme,
      @JsonProperty(required = true) Duration from,
      @JsonProperty(required = true) Duration to,
      double perMinute,
      Duration rampUp,
      boolean daily,
      String hashtag,
      double hashtagShare) {}

  /**
   * One text posted {@code copies} times by different authors, evenly spread, some as reposts of the first post.
   *
   * @param org organisation named in the text
   * @param text the campaign text ({@code {org}} placeholders allowed)
   * @param from first post offset
   * @param to last post offset
   * @param copies number of copy-pasted posts
   * @param reposts number of reposts of the first post
   */
  public record Campaign(
      @JsonProperty(required = true) String org,
      @JsonProperty(required = true) String text,
      @JsonProperty(required = true) Duration from,
      @JsonProperty(required = true) Duration to,
      int copies,
      int reposts) {}

  /**
   * A news item from a feed.
   *
   * @param at offset
   * @param title headline
   * @param summary first paragraph
   * @param url article link
   */
  public record NewsItem(
      @JsonProperty(required = true) Duration at,
      @JsonProperty(required = true) String title,
      String summary,
      @JsonProperty(required = true) String url) {}

  /**
   * Texts of one theme: a post is an opener, a body, a detail and a closer, each picked at random, so a few dozen
   * written fragments give thousands of distinct posts (and ordinary chatter is not mistaken for copy-paste).
   *
   * @param openers first sentences
   * @param bodies middle sentences
   * @param details further sentences (may be empty strings)
   * @param closers last sentences (may be empty strings)
   */
  public record Theme(List<String> openers, List<String> bodies, List<String> details, List<String> closers) {
    public Theme {
      openers = List.copyOf(openers);
      bodies = List.copyOf(bodies);
      details = details == null ? List.of("") : List.copyOf(details);
      closers = closers == null ? List.of("") : List.copyOf(closers);
    }
  }
}
