package io.nhslistener.ingest.rss;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nhslistener.core.serde.Json;
import io.nhslistener.ingest.http.BoundedRequests;
import io.nhslistener.ingest.http.HttpResponses;
import io.nhslistener.ingest.source.Batch;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.source.SourceConnector;
import io.nhslistener.ingest.text.PayloadException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Polls RSS and Atom feeds in turn with conditional GET ({@code If-None-Match} / {@code If-Modified-Since} from the
 * last {@code ETag} / {@code Last-Modified}), so an unchanged feed costs one empty 304. Entries already committed are
 * recognised by a digest of their id kept in the position, which is a JSON object from feed URL to {@link FeedState}.
 */
public final class FeedConnector implements SourceConnector {
  private static final TypeReference<LinkedHashMap<String, FeedState>> POSITION = new TypeReference<>() {};

  private final List<URI> feeds;
  private final Duration pollInterval;
  private final String userAgent;
  private final HttpClient http;
  private final Clock clock;
  private final FeedParser parser = new FeedParser();
  private final Map<String, FeedState> states = new LinkedHashMap<>();
  private int next;

  public FeedConnector(List<URI> feeds, Duration pollInterval, String userAgent, HttpClient http, Clock clock) {
    if (feeds.isEmpty()) {
      throw new IllegalArgumentException("an rss source needs at least one feed");
    }
    this.feeds = List.copyOf(feeds);
    this.pollInterval = pollInterval;
    this.userAgent = userAgent;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public void seek(String position) {
    states.clear();
    next = 0;
    if (position != null) {
      try {
        states.putAll(Json.mapper().readValue(position, POSITION));
      } catch (IOException e) {
        throw new IllegalStateException("unreadable rss cursor", e);
      }
    }
  }

  @Override
  public Batch poll() throws IOException, InterruptedException {
    URI feed = feeds.get(next);
    next = (next + 1) % feeds.size();
    Duration pause = next == 0 ? pollInterval : Duration.ZERO;
    FeedState state = states.getOrDefault(feed.toString(), FeedState.EMPTY);
    HttpRequest.Builder request = HttpRequest.newBuilder(feed).GET().header("User-Agent", userAgent)
        .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8");
    if (state.etag() != null) {
      request.header("If-None-Match", state.etag());
    }
    if (state.lastModified() != null) {
      request.header("If-Modified-Since", state.lastModified());
    }
    HttpResponse<byte[]> response = BoundedRequests.send(http, request.build());
    HttpResponses.requireSuccess(response, "feed " + feed.getHost() + feed.getPath(), clock);
    if (response.statusCode() == 304) {
      return Batch.empty(pause);
    }
    List<Item> parsed;
    try {
      parsed = parser.parse(response.body(), clock.instant());
    } catch (PayloadException e) {
      return Batch.of(List.of(new Item.Malformed(response.body(), "feed " + feed.getHost() + ": " + e.getMessage())),
          null).withPause(pause);
    }
    Set<String> seen = new LinkedHashSet<>(state.seen());
    List<Item> fresh = new ArrayList<>();
    for (Item item : parsed) {
      if (item instanceof Item.Post post) {
        if (seen.add(digest(post.mention().id()))) {
          fresh.add(item);
        }
      } else {
        fresh.add(item);
      }
    }
    List<String> kept = new ArrayList<>(seen);
    kept = kept.subList(Math.max(0, kept.size() - FeedState.MAX_SEEN), kept.size());
    states.put(feed.toString(), new FeedState(response.headers().firstValue("ETag").orElse(null),
        response.headers().firstValue("Last-Modified").orElse(null), kept));
    return new Batch(fresh, Json.mapper().writeValueAsString(states), pause, null);
  }

  @Override
  public void close() {
    // HttpClient is shared and holds no per-connector resource.
  }

  /** A short digest of an entry id: the cursor stays small whatever the ids look like. */
  static String digest(String id) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime provides SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
