package io.nhslistener.ingest.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.core.serde.Json;
import io.nhslistener.ingest.http.BoundedRequests;
import io.nhslistener.ingest.http.HttpResponses;
import io.nhslistener.ingest.http.JsonBodies;
import io.nhslistener.ingest.http.SseEvent;
import io.nhslistener.ingest.http.SseParser;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.stream.StreamingConnector;
import io.nhslistener.ingest.text.SnowflakeIds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;

/**
 * Mastodon's streaming API over server-sent events: {@code /api/v1/streaming/hashtag?tag=…}, {@code /public} or
 * {@code /public/local}, with an optional access token. Mastodon streams cannot resume, so on every (re)connection
 * with a known position the connector first closes the gap through the REST timeline ({@code since_id=} the last
 * committed status id, paged back with {@code max_id=} until the page is short), then reads the stream, skipping new
 * statuses the gap fill already gave. The position is the highest status id committed.
 */
public final class MastodonConnector extends StreamingConnector {
  private static final int PAGE_SIZE = 40;
  private static final int MAX_BATCH = 500;

  /** Which stream to read. */
  public enum Stream {
    HASHTAG("hashtag", "timelines/tag/"),
    PUBLIC("public", "timelines/public"),
    PUBLIC_LOCAL("public/local", "timelines/public");

    private final String streamPath;
    private final String timelinePath;

    Stream(String streamPath, String timelinePath) {
      this.streamPath = streamPath;
      this.timelinePath = timelinePath;
    }
  }

  private final URI instance;
  private final Stream stream;
  private final String hashtag;
  private final String accessToken;
  private final HttpClient http;
  private final Clock clock;
  private final MastodonStatusParser parser;
  private final MastodonEvents events;
  private volatile InputStream body;

  /**
   * @param instance base address of the instance, e.g. {@code https://mastodon.social}
   * @param hashtag the tag without {@code #} (only for {@link Stream#HASHTAG})
   * @param accessToken bearer token, or null for servers that allow anonymous streaming
   */
  public MastodonConnector(String sourceId, URI instance, Stream stream, String hashtag, String accessToken,
      HttpClient http, Duration stallTimeout, Clock clock) {
    super(sourceId, MAX_BATCH, stallTimeout, clock);
    this.instance = instance;
    this.stream = stream;
    this.hashtag = hashtag;
    this.accessToken = accessToken;
    this.http = http;
    this.clock = clock;
    this.parser = new MastodonStatusParser(instance.getHost());
    this.events = new MastodonEvents(parser, clock);
  }

  @Override
  protected void stream(String position, Sink sink) throws IOException, InterruptedException {
    HttpResponse<InputStream> response = http.send(request(streamUri()), HttpResponse.BodyHandlers.ofInputStream());
    body = response.body();
    try (InputStream in = response.body()) {
      HttpResponses.requireSuccess(response, "/api/v1/streaming/" + stream.streamPath, clock);
      String newest = position == null ? null : fillGap(position, sink);
      Queue<SseEvent> ready = new ArrayDeque<>();
      SseParser sse = new SseParser(ready::add, retryMs -> { });
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null) {
        sink.alive();
        sse.line(line);
        for (SseEvent event = ready.poll(); event != null; event = ready.poll()) {
          Item item = events.item(event);
          if (item == null) {
            continue;
          }
          String id = statusId(item);
          boolean newStatus = "update".equals(event.type());
          if (newStatus && id != null && newest != null && !SnowflakeIds.isAfter(id, newest)) {
            continue;
          }
          if (newStatus && id != null) {
            newest = id;
          }
          sink.emit(item, newest, null);
        }
      }
    }
  }

  @Override
  protected void disconnect() {
    InputStream in = body;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // The reader thread is being replaced; the connection is abandoned either way.
      }
    }
  }

  /** Emits every status after {@code position} in ascending order; returns the newest id emitted. */
  private String fillGap(String position, Sink sink) throws IOException, InterruptedException {
    Deque<JsonNode> newestFirst = new ArrayDeque<>();
    String maxId = null;
    while (true) {
      List<JsonNode> page = timelinePage(position, maxId);
      newestFirst.addAll(page);
      if (page.size() < PAGE_SIZE) {
        break;
      }
      maxId = page.get(page.size() - 1).path("id").asText();
    }
    String newest = position;
    while (!newestFirst.isEmpty()) {
      JsonNode status = newestFirst.pollLast();
      Item item = parser.status(Json.mapper().writeValueAsBytes(status), clock.instant());
      String id = statusId(item);
      if (id != null && SnowflakeIds.isAfter(id, newest)) {
        newest = id;
      }
      sink.emit(item, newest, null);
    }
    return newest;
  }

  private List<JsonNode> timelinePage(String sinceId, String maxId) throws IOException, InterruptedException {
    StringBuilder uri = new StringBuilder(instance.toString()).append("/api/v1/").append(stream.timelinePath);
    if (stream == Stream.HASHTAG) {
      uri.append(encode(hashtag));
    }
    uri.append("?limit=").append(PAGE_SIZE).append("&since_id=").append(encode(sinceId));
    if (stream == Stream.PUBLIC_LOCAL) {
      uri.append("&local=true");
    }
    if (maxId != null) {
      uri.append("&max_id=").append(encode(maxId));
    }
    HttpResponse<byte[]> response = BoundedRequests.send(http, request(URI.create(uri.toString())));
    HttpResponses.requireSuccess(response, "/api/v1/" + stream.timelinePath, clock);
    JsonNode array = JsonBodies.read(response.body(), "/api/v1/" + stream.timelinePath);
    List<JsonNode> page = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(page::add);
    }
    return page;
  }

  private URI streamUri() {
    String uri = instance + "/api/v1/streaming/" + stream.streamPath;
    return URI.create(stream == Stream.HASHTAG ? uri + "?tag=" + encode(hashtag) : uri);
  }

  private HttpRequest request(URI uri) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "text/event-stream, application/json");
    if (accessToken != null) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    return request.build();
  }

  /** The status id of a post that is not a retraction, else null. */
  private static String statusId(Item item) {
    if (item instanceof Item.Post post && !post.mention().retraction()) {
      String id = post.mention().id();
      return id.substring(id.lastIndexOf(':') + 1);
    }
    return null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
