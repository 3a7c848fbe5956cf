package io.nhslistener.ingest.rss;

import java.util.List;

/**
 * What the connector remembers about one feed between polls: its validators for conditional GET and digests of the
 * entry ids it already committed (feeds repeat their recent entries on every fetch).
 *
 * @param etag the last {@code ETag}, or null
 * @param lastModified the last {@code Last-Modified}, or null
 * @param seen digests of recently committed entry ids, newest last, at most {@link #MAX_SEEN}
 */
public record FeedState(String etag, String lastModified, List<String> seen) {
  /** Enough for any feed's window of recent entries. */
  public static final int MAX_SEEN = 300;

  public FeedState {
    seen = seen == null ? List.of() : List.copyOf(seen);
  }

  static final FeedState EMPTY = new FeedState(null, null, List.of());
}
