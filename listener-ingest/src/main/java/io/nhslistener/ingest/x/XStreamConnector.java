package io.nhslistener.ingest.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nhslistener.core.serde.Json;
import io.nhslistener.ingest.http.BoundedRequests;
import io.nhslistener.ingest.http.HttpResponses;
import io.nhslistener.ingest.http.JsonBodies;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.stream.StreamingConnector;
import io.nhslistener.ingest.text.SnowflakeIds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X API v2 filtered stream: newline-delimited JSON with blank keep-alive lines, read with a bearer token. Before
 * each connection the stream rules tagged {@link XRules#TAG} are brought in line with the configured keywords through
 * the rules endpoint (other rules are left alone). X cannot resume a stream; with {@code backfillMinutes} (an access
 * level that allows it) a reconnection asks for the missed minutes and drops posts at or before the committed id. The
 * position is the highest post id committed.
 */
public final class XStreamConnector extends StreamingConnector {
  private static final Logger LOG = LoggerFactory.getLogger(XStreamConnector.class);
  private static final int MAX_BATCH = 500;
  private static final String FIELDS = "tweet.fields=created_at,lang,author_id,referenced_tweets,public_metrics";

  private final URI api;
  private final String bearerToken;
  private final List<String> ruleValues;
  private final int backfillMinutes;
  private final HttpClient http;
  private final Clock clock;
  private final XStreamParser parser = new XStreamParser();
  private volatile InputStream body;

  /**
   * @param api base address, {@code https://api.x.com}
   * @param keywords plain keywords and phrases the stream should match (see {@link XRules#keywords})
   * @param backfillMinutes minutes to recover after a reconnection (0 to 5), 0 when the access level has none
   */
  public XStreamConnector(String sourceId, URI api, String bearerToken, List<String> keywords, int backfillMinutes,
      HttpClient http, Duration stallTimeout, Clock clock) {
    super(sourceId, MAX_BATCH, stallTimeout, clock);
    this.api = api;
    this.bearerToken = bearerToken;
    this.ruleValues = XRules.ruleValues(keywords);
    this.backfillMinutes = backfillMinutes;
    this.http = http;
    this.clock = clock;
  }

  @Override
  protected void stream(String position, Sink sink) throws IOException, InterruptedException {
    syncRules();
    String uri = api + "/2/tweets/search/stream?" + FIELDS
        + (position != null && backfillMinutes > 0 ? "&backfill_minutes=" + backfillMinutes : "");
    HttpResponse<InputStream> response = http.send(authorised(URI.create(uri)).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    body = response.body();
    try (InputStream in = response.body()) {
      HttpResponses.requireSuccess(response, "/2/tweets/search/stream", clock);
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String newest = position;
      String line;
      while ((line = lines.readLine()) != null) {
        sink.alive();
        if (line.isBlank()) {
          continue;
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Optional<Item> item = parser.parse(bytes, clock.instant());
        if (item.isEmpty()) {
          parser.streamError(bytes).ifPresent(title -> LOG.warn("x stream reported: {}", title));
          continue;
        }
        String id = postId(item.get());
        if (id != null && newest != null && !SnowflakeIds.isAfter(id, newest)) {
          continue;
        }
        if (id != null) {
          newest = id;
        }
        sink.emit(item.get(), newest, null);
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

  /** Adds missing rules and deletes stale ones carrying our tag. */
  void syncRules() throws IOException, InterruptedException {
    URI rules = URI.create(api + "/2/tweets/search/stream/rules");
    HttpResponse<byte[]> current = BoundedRequests.send(http, authorised(rules).GET().build());
    HttpResponses.requireSuccess(current, "/2/tweets/search/stream/rules", clock);
    JsonNode existing = JsonBodies.read(current.body(), "/2/tweets/search/stream/rules");
    Set<String> wanted = new HashSet<>(ruleValues);
    List<String> stale = new ArrayList<>();
    for (JsonNode rule : existing.path("data")) {
      if (XRules.TAG.equals(rule.path("tag").asText()) && !wanted.remove(rule.path("value").asText())) {
        stale.add(rule.path("id").asText());
      }
    }
    if (!stale.isEmpty()) {
      ObjectNode delete = Json.mapper().createObjectNode();
      ArrayNode ids = delete.putObject("delete").putArray("ids");
      stale.forEach(ids::add);
      post(rules, delete);
    }
    if (!wanted.isEmpty()) {
      ObjectNode add = Json.mapper().createObjectNode();
      ArrayNode values = add.putArray("add");
      ruleValues.stream().filter(wanted::contains)
          .forEach(value -> values.addObject().put("value", value).put("tag", XRules.TAG));
      post(rules, add);
    }
  }

  private void post(URI rules, JsonNode body) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = BoundedRequests.send(http, authorised(rules)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))).build());
    HttpResponses.requireSuccess(response, "/2/tweets/search/stream/rules", clock);
  }

  private HttpRequest.Builder authorised(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearerToken);
  }

  private static String postId(Item item) {
    return item instanceof Item.Post post ? post.mention().id().substring(XStreamParser.SOURCE.length() + 1) : null;
  }
}
