package io.nhslistener.ingest;

import static io.nhslistener.ingest.IngestSettings.JETSTREAM_ENDPOINT;
import static io.nhslistener.ingest.IngestSettings.JETSTREAM_MARGIN;
import static io.nhslistener.ingest.IngestSettings.MASTODON_HASHTAG;
import static io.nhslistener.ingest.IngestSettings.MASTODON_INSTANCE;
import static io.nhslistener.ingest.IngestSettings.MASTODON_STREAM;
import static io.nhslistener.ingest.IngestSettings.MASTODON_TOKEN;
import static io.nhslistener.ingest.IngestSettings.POLL_INTERVAL;
import static io.nhslistener.ingest.IngestSettings.STALL_TIMEOUT;
import static io.nhslistener.ingest.IngestSettings.USER_AGENT;

import io.nhslistener.core.config.ConfigException;
import io.nhslistener.core.config.ConfigProblem;
import io.nhslistener.core.config.SectionEntry;
import io.nhslistener.core.config.Setting;
import io.nhslistener.ingest.bluesky.JetstreamConnector;
import io.nhslistener.ingest.format.PayloadFormat;
import io.nhslistener.ingest.mastodon.MastodonConnector;
import io.nhslistener.ingest.reddit.RedditConnector;
import io.nhslistener.ingest.replay.ReplayConnector;
import io.nhslistener.ingest.rss.FeedConnector;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.source.SourceConnector;
import io.nhslistener.ingest.synthetic.SyntheticConnector;
import io.nhslistener.ingest.synthetic.SyntheticMentions;
import io.nhslistener.ingest.x.XStreamConnector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

/** Builds the connector of a configured {@code sources:} entry. */
final class SourceFactory {
  private final HttpClient http;
  private final Clock clock;

  SourceFactory(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /**
   * @throws ConfigException when settings that are valid one by one do not fit together (a hashtag stream without a
   *     hashtag)
   */
  SourceConnector create(SectionEntry entry) {
    String id = entry.id();
    return switch (entry.type()) {
      case "mastodon" -> mastodon(entry);
      case "bluesky" -> new JetstreamConnector(id, entry.get(JETSTREAM_ENDPOINT), entry.get(JETSTREAM_MARGIN), http,
          entry.get(STALL_TIMEOUT), clock);
      case "reddit" -> reddit(entry);
      case "rss" -> new FeedConnector(entry.get(IngestSettings.RSS_FEEDS).stream().map(URI::create).toList(),
          entry.get(POLL_INTERVAL), entry.get(USER_AGENT), http, clock);
      case "x" -> new XStreamConnector(id, entry.get(IngestSettings.X_API), entry.get(IngestSettings.X_BEARER_TOKEN),
          entry.get(IngestSettings.X_KEYWORDS), entry.get(IngestSettings.X_BACKFILL), http, entry.get(STALL_TIMEOUT),
          clock);
      case "replay" -> ReplayConnector.builder(readable(entry, IngestSettings.REPLAY_FILE),
              PayloadFormat.fromLabel(entry.get(IngestSettings.REPLAY_FORMAT)))
          .speed(entry.get(IngestSettings.REPLAY_SPEED))
          .shiftToNow(entry.get(IngestSettings.REPLAY_SHIFT))
          .clock(clock)
          .build();
      case "synthetic" -> new SyntheticConnector(new SyntheticMentions(entry.get(IngestSettings.SYNTHETIC_SEED),
          entry.get(IngestSettings.SYNTHETIC_ORGS), entry.get(IngestSettings.SYNTHETIC_RATE), clock.instant(),
          entry.get(IngestSettings.SYNTHETIC_SPIKES)), entry.get(IngestSettings.SYNTHETIC_PACED),
          entry.values().find(IngestSettings.SYNTHETIC_LIMIT).map(Integer::longValue).orElse(Long.MAX_VALUE), clock);
      default -> throw problem(entry, "type", entry.type(), "unknown source type");
    };
  }

  /** X documents its own back-off; every other source gets the default. */
  static BackoffPolicy backoff(String type) {
    return "x".equals(type) ? BackoffPolicy.X_DOCUMENTED : BackoffPolicy.DEFAULT;
  }

  private SourceConnector mastodon(SectionEntry entry) {
    MastodonConnector.Stream stream = switch (entry.get(MASTODON_STREAM)) {
      case "public" -> MastodonConnector.Stream.PUBLIC;
      case "public-local" -> MastodonConnector.Stream.PUBLIC_LOCAL;
      default -> MastodonConnector.Stream.HASHTAG;
    };
    String hashtag = entry.values().find(MASTODON_HASHTAG).map(tag -> tag.replaceFirst("^#", "")).orElse(null);
    if (stream == MastodonConnector.Stream.HASHTAG && (hashtag == null || hashtag.isBlank())) {
      throw problem(entry, MASTODON_HASHTAG.name(), null, "is required for stream: hashtag");
    }
    return new MastodonConnector(entry.id(), entry.get(MASTODON_INSTANCE), stream, hashtag,
        entry.values().find(MASTODON_TOKEN).orElse(null), http, entry.get(STALL_TIMEOUT), clock);
  }

  private SourceConnector reddit(SectionEntry entry) {
    String clientId = entry.values().find(IngestSettings.REDDIT_CLIENT_ID).orElse(null);
    String secret = entry.values().find(IngestSettings.REDDIT_CLIENT_SECRET).orElse(null);
    if (clientId != null && secret == null) {
      throw problem(entry, IngestSettings.REDDIT_CLIENT_SECRET.name(), null, "is required with clientId");
    }
    URI api = entry.values().find(IngestSettings.REDDIT_API).orElse(URI.create(clientId == null
        ? "https://www.reddit.com" : "https://oauth.reddit.com"));
    return new RedditConnector(entry.get(IngestSettings.REDDIT_LISTINGS), api,
        entry.get(IngestSettings.REDDIT_TOKEN_ENDPOINT), clientId, secret, entry.get(USER_AGENT),
        entry.get(POLL_INTERVAL), http, clock);
  }

  /** A file the source reads, checked now so that a missing one is a configuration error, not a failing source. */
  private static Path readable(SectionEntry entry, Setting<Path> key) {
    Path file = entry.get(key);
    if (!Files.isReadable(file)) {
      throw problem(entry, key.name(), file.toString(), "cannot be read (missing, or not permitted)");
    }
    return file;
  }

  private static ConfigException problem(SectionEntry entry, String key, String value, String reason) {
    return new ConfigException(List.of(new ConfigProblem("sources." + entry.id() + "." + key, value, reason)));
  }
}
