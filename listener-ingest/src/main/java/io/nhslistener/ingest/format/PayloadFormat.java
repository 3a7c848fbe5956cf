package io.nhslistener.ingest.format;

import io.nhslistener.ingest.bluesky.JetstreamEventParser;
import io.nhslistener.ingest.mastodon.MastodonEvents;
import io.nhslistener.ingest.mastodon.MastodonStatusParser;
import io.nhslistener.ingest.replay.MentionLineParser;
import io.nhslistener.ingest.rss.FeedParser;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.text.PayloadException;
import io.nhslistener.ingest.x.XStreamParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;

/**
 * The wire formats a captured payload file may be in, each read with the same parser its live connector uses. Used by
 * {@code listener ingest --dry-run} and by the replay source.
 */
public enum PayloadFormat {
  /** {@code Mention} JSON lines, as the listener writes them. */
  MENTION("mention"),
  /** A Mastodon streaming response: server-sent events. */
  MASTODON_SSE("mastodon-sse"),
  /** Bluesky Jetstream events, one JSON object per line (one per WebSocket frame). */
  JETSTREAM("jetstream"),
  /** One or more Reddit listing responses. */
  REDDIT_LISTING("reddit-listing"),
  /** The X API v2 filtered stream: JSON lines with blank keep-alive lines. */
  X_STREAM("x-stream"),
  /** One RSS or Atom document. */
  RSS("rss");

  /** Instance host in the ids of Mastodon statuses read from a file, which does not say which instance served it. */
  public static final String REPLAYED_MASTODON_INSTANCE = "replay.invalid";

  private final String label;

  PayloadFormat(String label) {
    this.label = label;
  }

  /** The name used on the command line and in configuration. */
  public String label() {
    return label;
  }

  /**
   * @throws IllegalArgumentException naming the accepted formats
   */
  public static PayloadFormat fromLabel(String label) {
    for (PayloadFormat format : values()) {
      if (format.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown format '" + label + "'; expected one of "
        + String.join(", ", labels()));
  }

  /** Every label, for help texts and configuration choices. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(PayloadFormat::label).toList();
  }

  /**
   * Opens {@code in} (which the reader closes) in this format.
   *
   * @param clock gives each item its {@code ingestedAt}
   */
  public ItemReader open(InputStream in, Clock clock) throws IOException {
    return switch (this) {
      case MENTION -> {
        MentionLineParser parser = new MentionLineParser();
        yield new LineItemReader(lines(in), line -> Optional.of(parser.parse(line)));
      }
      case MASTODON_SSE -> new SseItemReader(lines(in),
          new MastodonEvents(new MastodonStatusParser(REPLAYED_MASTODON_INSTANCE), clock));
      case JETSTREAM -> {
        JetstreamEventParser parser = new JetstreamEventParser();
        yield new LineItemReader(lines(in), line -> parser.parse(line, clock.instant()).item());
      }
      case REDDIT_LISTING -> new JsonSequenceItemReader(in, clock);
      case X_STREAM -> {
        XStreamParser parser = new XStreamParser();
        yield new LineItemReader(lines(in), line -> parser.parse(line, clock.instant()));
      }
      case RSS -> feed(in, clock);
    };
  }

  private static ItemReader feed(InputStream in, Clock clock) throws IOException {
    byte[] document;
    try (in) {
      document = in.readAllBytes();
    }
    Queue<Item> items = new ArrayDeque<>();
    try {
      items.addAll(new FeedParser().parse(document, clock.instant()));
    } catch (PayloadException e) {
      items.add(new Item.Malformed(document, "feed: " + e.getMessage()));
    }
    return new ItemReader() {
      @Override
      public Item next() {
        return items.poll();
      }

      @Override
      public void close() {
        items.clear();
      }
    };
  }

  private static BufferedReader lines(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }
}
