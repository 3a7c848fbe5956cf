package io.nhslistener.ingest.reddit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.core.serde.Json;
import io.nhslistener.ingest.http.BoundedRequests;
import io.nhslistener.ingest.http.HttpResponses;
import io.nhslistener.ingest.http.JsonBodies;
import io.nhslistener.ingest.source.Batch;
import io.nhslistener.ingest.source.HttpStatusException;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.source.SourceConnector;
import io.nhslistener.ingest.text.PayloadException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Polls Reddit listings — {@code /r/<sub>/new}, {@code /r/<sub>/comments} and {@code /search?q=…&sort=new} — one
 * request per poll in turn, asking only for what is newer than the newest item already committed ({@code before=}),
 * and paging while pages come back full. With a client id and secret it uses an application-only OAuth2 token
 * (client credentials) against {@code oauth.reddit.com}; without, the anonymous JSON endpoints. It respects
 * {@code X-Ratelimit-Remaining} / {@code X-Ratelimit-Reset}: when the allowance is spent, the next poll waits for the
 * reset. The position is a JSON object from listing path to the newest fullname seen there.
 */
public final class RedditConnector implements SourceConnector {
  private static final int PAGE_SIZE = 100;
  private static final TypeReference<LinkedHashMap<String, String>> POSITION = new TypeReference<>() {};

  private final List<String> listings;
  private final URI api;
  private final URI tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final String userAgent;
  private final Duration pollInterval;
  private final HttpClient http;
  private final Clock clock;
  private final RedditListingParser parser = new RedditListingParser();
  private final Map<String, String> newest = new LinkedHashMap<>();
  private int next;
  private String token;
  private Instant tokenExpiry = Instant.MIN;

  /**
   * @param listings listing paths such as {@code /r/nhs/new}, {@code /r/nhs/comments} or {@code /search?q=nhs}
   * @param api base address ({@code https://oauth.reddit.com} with credentials, {@code https://www.reddit.com} without)
   * @param tokenEndpoint {@code https://www.reddit.com/api/v1/access_token}
   * @param clientId OAuth2 client id, or null for anonymous access
   * @param userAgent the descriptive User-Agent Reddit's API rules require
   */
  public RedditConnector(List<String> listings, URI api, URI tokenEndpoint, String clientId, String clientSecret,
      String userAgent, Duration pollInterval, HttpClient http, Clock clock) {
    if (listings.isEmpty()) {
      throw new IllegalArgumentException("a reddit source needs at least one listing");
    }
    this.listings = List.copyOf(listings);
    this.api = api;
    this.tokenEndpoint = tokenEndpoint;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.userAgent = userAgent;
    this.pollInterval = pollInterval;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public void seek(String position) {
    newest.clear();
    next = 0;
    if (position != null) {
      try {
        newest.putAll(Json.mapper().readValue(position, POSITION));
      } catch (IOException e) {
        throw new IllegalStateException("unreadable reddit cursor", e);
      }
    }
  }

  @Override
  public Batch poll() throws IOException, InterruptedException {
    String listing = listings.get(next);
    HttpResponse<byte[]> response = BoundedRequests.send(http, request(listing));
    if (response.statusCode() == 401 && clientId != null) {
      token = null;
    }
    HttpResponses.requireSuccess(response, "reddit " + pathOf(listing), clock);
    Instant now = clock.instant();
    RedditListingParser.Page page;
    try {
      page = parser.parse(response.body(), now);
    } catch (PayloadException e) {
      next = (next + 1) % listings.size();
      return Batch.of(List.of(new Item.Malformed(response.body(), "reddit listing: " + e.getMessage())), null)
          .withPause(pause(response, true));
    }
    boolean more = page.items().size() >= PAGE_SIZE;
    if (page.newestFullname() != null) {
      newest.put(listing, page.newestFullname());
    }
    if (!more) {
      next = (next + 1) % listings.size();
    }
    List<Item> oldestFirst = new ArrayList<>(page.items());
    Collections.reverse(oldestFirst);
    String position = page.newestFullname() == null ? null : Json.mapper().writeValueAsString(newest);
    return new Batch(oldestFirst, position, pause(response, !more && next == 0), null);
  }

  @Override
  public void close() {
    // HttpClient is shared and holds no per-connector resource.
  }

  private Duration pause(HttpResponse<?> response, boolean roundDone) {
    Duration wait = roundDone ? pollInterval : Duration.ZERO;
    double remaining = HttpResponses.number(response.headers(), "X-Ratelimit-Remaining").orElse(Double.MAX_VALUE);
    if (remaining < 1) {
      double reset = HttpResponses.number(response.headers(), "X-Ratelimit-Reset").orElse(60.0);
      Duration resetWait = Duration.ofMillis((long) (reset * 1000));
      wait = resetWait.compareTo(wait) > 0 ? resetWait : wait;
    }
    return wait;
  }

  private HttpRequest request(String listing) throws IOException, InterruptedException {
    String path = pathOf(listing);
    String query = listing.length() > path.length() ? listing.substring(path.length() + 1) + "&" : "";
    if (path.equals("/search")) {
      query += "sort=new&";
    }
    query += "limit=" + PAGE_SIZE + "&raw_json=1";
    String before = newest.get(listing);
    if (before != null) {
      query += "&before=" + URLEncoder.encode(before, StandardCharsets.UTF_8);
    }
    String suffix = clientId == null ? ".json" : "";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path + suffix + "?" + query))
        .header("User-Agent", userAgent).GET();
    if (clientId != null) {
      request.header("Authorization", "bearer " + token());
    }
    return request.build();
  }

  /** An application-only token, fetched again shortly before it expires. */
  private String token() throws IOException, InterruptedException {
    if (token != null && clock.instant().isBefore(tokenExpiry)) {
      return token;
    }
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> response = BoundedRequests.send(http, HttpRequest.newBuilder(tokenEndpoint)
        .header("Authorization", "Basic " + basic)
        .header("User-Agent", userAgent)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    HttpResponses.requireSuccess(response, "reddit access_token", clock);
    JsonNode body = JsonBodies.read(response.body(), "reddit access_token");
    String accessToken = body.path("access_token").asText(null);
    if (accessToken == null) {
      throw new HttpStatusException(401, null, "reddit access_token (no token in the answer)");
    }
    long expiresIn = body.path("expires_in").asLong(3600);
    token = accessToken;
    tokenExpiry = clock.instant().plusSeconds(Math.max(60, expiresIn - 60));
    return token;
  }

  private static String pathOf(String listing) {
    int query = listing.indexOf('?');
    return query < 0 ? listing : listing.substring(0, query);
  }
}
