package io.nhslistener.ingest;

import io.nhslistener.core.config.ConfigSchema;
import io.nhslistener.core.config.Setting;
import io.nhslistener.core.config.TypedSection;
import io.nhslistener.core.config.ValueType;
import io.nhslistener.core.config.ValueTypes;
import io.nhslistener.ingest.format.PayloadFormat;
import io.nhslistener.ingest.synthetic.Spike;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a {@code sources:} entry, one schema per source type ({@code mastodon}, {@code bluesky}, {@code reddit},
 * {@code rss}, {@code x}, {@code replay}, {@code synthetic}). Every entry also has an {@code id} (the source instance
 * id: cursor key, metric tag, dead-letter origin) and a {@code type}.
 */
public final class IngestSettings {
  private IngestSettings() {}

  /** An absolute http(s) or ws(s) address. */
  public static final ValueType<URI> ADDRESS = raw -> {
    String text = ValueTypes.STRING.parse(raw).trim();
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null || uri.getHost() == null
          || !Set.of("http", "https", "ws", "wss").contains(uri.getScheme())) {
        throw new IllegalArgumentException("expected an absolute http(s) or ws(s) address");
      }
      return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid address: " + e.getReason());
    }
  };

  /** Spikes written as {@code organisation|start|length|volumeFactor|negativeShare}. */
  public static final ValueType<List<Spike>> SPIKES = raw -> {
    List<Spike> spikes = new ArrayList<>();
    for (String text : ValueTypes.STRING_LIST.parse(raw)) {
      String[] parts = text.split("\\|");
      if (parts.length != 5) {
        throw new IllegalArgumentException("expected organisation|start|length|volumeFactor|negativeShare");
      }
      spikes.add(new Spike(parts[0].trim(), ValueTypes.DURATION.parse(parts[1]), ValueTypes.DURATION.parse(parts[2]),
          ValueTypes.doubleIn(1, 1000).parse(parts[3]), ValueTypes.doubleIn(0, 1).parse(parts[4])));
    }
    return List.copyOf(spikes);
  };

  private static final String DEFAULT_USER_AGENT = "nhs-listener/0.1 (social listening for NHS organisations)";

  // ---- mastodon ----
  public static final Setting<URI> MASTODON_INSTANCE = Setting.required("instance", ADDRESS,
      "Base address of the Mastodon instance, e.g. https://mastodon.social");
  public static final Setting<String> MASTODON_STREAM = Setting.optional("stream",
      ValueTypes.oneOf("hashtag", "public", "public-local"), "hashtag",
      "Which stream: hashtag (needs hashtag), public (federated) or public-local");
  public static final Setting<String> MASTODON_HASHTAG = Setting.optional("hashtag", ValueTypes.STRING, null,
      "Tag to follow without '#', for stream: hashtag");
  public static final Setting<String> MASTODON_TOKEN = Setting.secret("accessToken",
      "Access token (read:statuses) for instances that do not allow anonymous streaming");

  // ---- bluesky ----
  public static final Setting<URI> JETSTREAM_ENDPOINT = Setting.optional("endpoint", ADDRESS,
      URI.create("wss://jetstream2.us-east.bsky.network/subscribe"), "Jetstream subscribe address");
  public static final Setting<Duration> JETSTREAM_MARGIN = Setting.optional("cursorMargin",
      ValueTypes.durationIn(Duration.ZERO, Duration.ofMinutes(10)), Duration.ofSeconds(5),
      "How far before the committed time_us a reconnection resumes (duplicates inside it are dropped)");

  // ---- reddit ----
  public static final Setting<List<String>> REDDIT_LISTINGS = Setting.required("listings", ValueTypes.STRING_LIST,
      "Listing paths, e.g. /r/nhs/new, /r/nhs/comments, /search?q=%22NHS%20Leeds%22 (query URL-encoded)");
  public static final Setting<String> REDDIT_CLIENT_ID = Setting.optional("clientId", ValueTypes.STRING, null,
      "OAuth2 client id of a Reddit 'script' or 'web' app; absent means anonymous access (lower rate limit)");
  public static final Setting<String> REDDIT_CLIENT_SECRET = Setting.secret("clientSecret",
      "OAuth2 client secret, used with clientId for an application-only token");
  public static final Setting<URI> REDDIT_API = Setting.optional("api", ADDRESS, null,
      "API base address; default https://oauth.reddit.com with clientId, https://www.reddit.com without");
  public static final Setting<URI> REDDIT_TOKEN_ENDPOINT = Setting.optional("tokenEndpoint", ADDRESS,
      URI.create("https://www.reddit.com/api/v1/access_token"), "OAuth2 token address");

  // ---- rss ----
  public static final Setting<List<String>> RSS_FEEDS = Setting.required("feeds", ValueTypes.STRING_LIST,
      "RSS or Atom feed addresses");

  // ---- x ----
  public static final Setting<String> X_BEARER_TOKEN = Setting.requiredSecret("bearerToken",
      "App-only bearer token of an X developer app with filtered-stream access");
  public static final Setting<List<String>> X_KEYWORDS = Setting.required("keywords", ValueTypes.STRING_LIST,
      "Plain keywords and phrases the stream rules are built from (usually the watch rules' terms)");
  public static final Setting<URI> X_API = Setting.optional("api", ADDRESS, URI.create("https://api.x.com"),
      "X API base address");
  public static final Setting<Integer> X_BACKFILL = Setting.optional("backfillMinutes", ValueTypes.intIn(0, 5), 0,
      "Minutes to recover after a reconnection, where the access level allows it (0 = none)");

  // ---- replay ----
  public static final Setting<Path> REPLAY_FILE = Setting.required("file", ValueTypes.PATH,
      "File to replay");
  public static final Setting<String> REPLAY_FORMAT = Setting.optional("format",
      ValueTypes.oneOf(PayloadFormat.labels().toArray(String[]::new)), "mention",
      "Format of the file: " + String.join(", ", PayloadFormat.labels()));
  public static final Setting<Double> REPLAY_SPEED = Setting.optional("speed", ValueTypes.doubleIn(0, 1_000_000), 0.0,
      "0 = as fast as possible; otherwise how many times faster than recorded (1 = real time)");
  public static final Setting<Boolean> REPLAY_SHIFT = Setting.optional("shiftToNow", ValueTypes.BOOLEAN, false,
      "Move event times so the first replayed post happens at the start of the replay");

  // ---- synthetic ----
  public static final Setting<List<String>> SYNTHETIC_ORGS = Setting.required("organisations",
      ValueTypes.STRING_LIST, "Organisation names the generated posts mention");
  public static final Setting<Double> SYNTHETIC_RATE = Setting.optional("rate", ValueTypes.doubleIn(0.001, 1_000_000),
      10.0, "Normal traffic in posts per second");
  public static final Setting<Integer> SYNTHETIC_SEED = Setting.optional("seed", ValueTypes.intIn(0, Integer.MAX_VALUE),
      1, "Seed: the same seed gives the same posts");
  public static final Setting<Boolean> SYNTHETIC_PACED = Setting.optional("paced", ValueTypes.BOOLEAN, true,
      "true: follow the clock; false: generate as fast as Kafka takes it (load tests)");
  public static final Setting<Integer> SYNTHETIC_LIMIT = Setting.optional("limit",
      ValueTypes.intIn(1, Integer.MAX_VALUE), null, "Stop after this many ticks (absent: endless)");
  public static final Setting<List<Spike>> SYNTHETIC_SPIKES = Setting.optional("spikes", SPIKES, List.of(),
      "Injected spikes, each organisation|start|length|volumeFactor|negativeShare, e.g. 'Leeds Teaching "
          + "Hospitals|10m|15m|8|0.7'");

  // ---- shared by several types ----
  public static final Setting<Duration> POLL_INTERVAL = Setting.optional("pollInterval",
      ValueTypes.durationIn(Duration.ofSeconds(1), Duration.ofDays(1)), Duration.ofMinutes(1),
      "Wait between rounds of requests (polling sources)");
  public static final Setting<Duration> STALL_TIMEOUT = Setting.optional("stallTimeout",
      ValueTypes.durationIn(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofSeconds(90),
      "A stream silent this long (no data, no keep-alive) is treated as dropped and reconnected");
  public static final Setting<String> USER_AGENT = Setting.optional("userAgent", ValueTypes.STRING,
      DEFAULT_USER_AGENT, "User-Agent sent to the source (Reddit requires a descriptive one)");

  /** Schema of each source type, by type name. */
  public static final Map<String, ConfigSchema> SOURCE_TYPES = Map.of(
      "mastodon", ConfigSchema.of(List.of(MASTODON_INSTANCE, MASTODON_STREAM, MASTODON_HASHTAG, MASTODON_TOKEN,
          STALL_TIMEOUT)),
      "bluesky", ConfigSchema.of(List.of(JETSTREAM_ENDPOINT, JETSTREAM_MARGIN, STALL_TIMEOUT)),
      "reddit", ConfigSchema.of(List.of(REDDIT_LISTINGS, REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, REDDIT_API,
          REDDIT_TOKEN_ENDPOINT, POLL_INTERVAL, USER_AGENT)),
      "rss", ConfigSchema.of(List.of(RSS_FEEDS, POLL_INTERVAL, USER_AGENT)),
      "x", ConfigSchema.of(List.of(X_BEARER_TOKEN, X_KEYWORDS, X_API, X_BACKFILL, STALL_TIMEOUT)),
      "replay", ConfigSchema.of(List.of(REPLAY_FILE, REPLAY_FORMAT, REPLAY_SPEED, REPLAY_SHIFT)),
      "synthetic", ConfigSchema.of(List.of(SYNTHETIC_ORGS, SYNTHETIC_RATE, SYNTHETIC_SEED, SYNTHETIC_PACED,
          SYNTHETIC_LIMIT, SYNTHETIC_SPIKES)));

  /** The {@code sources:} section: a list of entries with {@code id} and {@code type}. */
  public static final TypedSection SOURCES = new TypedSection("sources", false, "type", SOURCE_TYPES);
}
