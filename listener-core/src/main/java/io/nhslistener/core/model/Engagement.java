package io.nhslistener.core.model;

/**
 * Engagement counts as the source reported them when the mention was fetched (0 where the source gives none).
 *
 * @param likes favourites, likes or upvotes
 * @param reposts boosts, reposts or retweets
 * @param replies replies or comments
 */
public record Engagement(long likes, long reposts, long replies) {
  public static final Engagement NONE = new Engagement(0, 0, 0);

  public Engagement {
    Fields.nonNegative("Engagement", "likes", likes);
    Fields.nonNegative("Engagement", "reposts", reposts);
    Fields.nonNegative("Engagement", "replies", replies);
  }

  /** A single figure for ranking sample posts: every interaction counts once. */
  public long total() {
    return likes + reposts + replies;
  }
}
