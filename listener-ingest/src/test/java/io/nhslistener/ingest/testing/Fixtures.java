package io.nhslistener.ingest.testing;

/** Payloads in the sources' wire formats, written for these tests (no real posts). */
public final class Fixtures {
  private Fixtures() {}

  /** A Mastodon Status entity with the fields the parser reads, and a few it ignores. */
  public static String mastodonStatus(String id, String acct, String html) {
    return "{\"id\":\"" + id + "\",\"created_at\":\"2026-03-01T09:00:0" + (id.length() % 10)
        + ".000Z\",\"in_reply_to_id\":null,\"sensitive\":false,\"spoiler_text\":\"\",\"visibility\":\"public\","
        + "\"language\":\"en\",\"uri\":\"https://example.social/users/" + acct + "/statuses/" + id + "\","
        + "\"url\":\"https://example.social/@" + acct + "/" + id + "\",\"replies_count\":1,\"reblogs_count\":2,"
        + "\"favourites_count\":3,\"edited_at\":null,\"content\":\"" + html.replace("\"", "\\\"") + "\","
        + "\"reblog\":null,\"account\":{\"id\":\"42\",\"username\":\"" + acct + "\",\"acct\":\"" + acct + "\","
        + "\"display_name\":\"Test\",\"url\":\"https://example.social/@" + acct + "\"},\"media_attachments\":[],"
        + "\"mentions\":[],\"tags\":[{\"name\":\"nhs\"}],\"emojis\":[]}";
  }

  /** A Jetstream commit creating a post. */
  public static String jetstreamPost(String did, long timeUs, String rkey, String text) {
    return "{\"did\":\"" + did + "\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r" + rkey
        + "\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey + "\",\"record\":{"
        + "\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2026-03-01T09:00:00.000Z\",\"langs\":[\"en\"],"
        + "\"text\":\"" + text + "\"},\"cid\":\"bafy" + rkey + "\"}}";
  }

  /** A Reddit submission child of a listing. */
  public static String redditSubmission(String id, String author, String title, long createdUtc) {
    return "{\"kind\":\"t3\",\"data\":{\"id\":\"" + id + "\",\"name\":\"t3_" + id + "\",\"author\":\"" + author
        + "\",\"created_utc\":" + createdUtc + ".0,\"subreddit\":\"nhs\",\"title\":\"" + title + "\","
        + "\"selftext\":\"\",\"permalink\":\"/r/nhs/comments/" + id + "/post/\",\"score\":5,\"num_comments\":2}}";
  }

  /** A Reddit listing of children given newest first. */
  public static String redditListing(String... children) {
    return "{\"kind\":\"Listing\",\"data\":{\"after\":null,\"before\":null,\"dist\":" + children.length
        + ",\"children\":[" + String.join(",", children) + "]}}";
  }

  /** One line of the X filtered stream. */
  public static String xPost(String id, String authorId, String text) {
    return "{\"data\":{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"author_id\":\"" + authorId
        + "\",\"created_at\":\"2026-03-01T09:00:00.000Z\",\"lang\":\"en\",\"edit_history_tweet_ids\":[\"" + id
        + "\"]},\"matching_rules\":[{\"id\":\"1\",\"tag\":\"nhs-listener\"}]}";
  }

  /** An RSS 2.0 document with items given as (guid, title) pairs. */
  public static String rss(String... guidTitlePairs) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < guidTitlePairs.length; i += 2) {
      items.append("<item><guid isPermaLink=\"false\">").append(guidTitlePairs[i]).append("</guid><title>")
          .append(guidTitlePairs[i + 1]).append("</title><link>https://news.example.org/").append(guidTitlePairs[i])
          .append("</link><description>&lt;p&gt;Story &lt;b&gt;text&lt;/b&gt;&lt;/p&gt;</description>")
          .append("<pubDate>Sun, 01 Mar 2026 09:00:00 GMT</pubDate><author>desk@news.example.org (News Desk)</author>")
          .append("</item>");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Local news</title>"
        + "<link>https://news.example.org/</link><description>News</description><language>en-gb</language>"
        + items + "</channel></rss>";
  }
}
