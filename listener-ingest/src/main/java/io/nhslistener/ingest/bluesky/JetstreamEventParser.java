package io.nhslistener.ingest.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.text.JsonFields;
import io.nhslistener.ingest.text.PayloadException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Jetstream events (one JSON object per WebSocket text frame) to items. Posts become mentions with id
 * {@code bluesky:at://<did>/app.bsky.feed.post/<rkey>}, URL {@code https://bsky.app/profile/<did>/post/<rkey>}, the
 * first of {@code langs}, and reply and quote references; reposts set {@code repostOf}; deleted posts and reposts are
 * retractions. Other collections and {@code identity}/{@code account} events are not mentions and give no item.
 * Stateless and thread-safe.
 */
public final class JetstreamEventParser {
  public static final String SOURCE = "bluesky";
  static final String POST = "app.bsky.feed.post";
  static final String REPOST = "app.bsky.feed.repost";

  /** One parsed frame: its cursor ({@code time_us}) and the item it gives, if any. */
  public record Event(long timeUs, Optional<Item> item) {}

  /**
   * @return the event, or a malformed item with time 0 when the frame is not a Jetstream event
   */
  public Event parse(byte[] frame, Instant ingestedAt) {
    long timeUs = 0;
    try {
      JsonNode event = JsonFields.parseObject(frame);
      JsonNode time = event.get("time_us");
      if (time == null || !time.canConvertToLong()) {
        throw new PayloadException("time_us", String.valueOf(time), "expected microseconds since the epoch");
      }
      timeUs = time.asLong();
      String did = JsonFields.requiredText(event, "did");
      if (!"commit".equals(JsonFields.optionalText(event, "kind"))) {
        return new Event(timeUs, Optional.empty());
      }
      JsonNode commit = JsonFields.requiredObject(event, "commit");
      String collection = JsonFields.requiredText(commit, "collection");
      if (!POST.equals(collection) && !REPOST.equals(collection)) {
        return new Event(timeUs, Optional.empty());
      }
      String uri = "at://" + did + "/" + collection + "/" + JsonFields.requiredText(commit, "rkey");
      Instant eventTime = Instant.ofEpochSecond(timeUs / 1_000_000, (timeUs % 1_000_000) * 1000);
      String operation = JsonFields.requiredText(commit, "operation");
      Item item = switch (operation) {
        case "create", "update" -> record(did, uri, collection, JsonFields.requiredObject(commit, "record"),
            eventTime, ingestedAt);
        case "delete" -> new Item.Post(Mention.builder(mentionId(uri), SOURCE, "", eventTime, ingestedAt)
            .retraction(true).build(), did);
        default -> throw new PayloadException("commit.operation", operation, "expected create, update or delete");
      };
      return new Event(timeUs, Optional.of(item));
    } catch (PayloadException | RecordFormatException e) {
      return new Event(timeUs, Optional.of(new Item.Malformed(frame, "jetstream event: " + e.getMessage())));
    }
  }

  private static Item record(String did, String uri, String collection, JsonNode record, Instant eventTime,
      Instant ingestedAt) {
    Instant createdAt = createdAt(record, eventTime);
    if (REPOST.equals(collection)) {
      String subject = JsonFields.requiredText(JsonFields.requiredObject(record, "subject"), "uri");
      return new Item.Post(Mention.builder(mentionId(uri), SOURCE, "", createdAt, ingestedAt)
          .url(webUrl(subject))
          .repostOf(mentionId(subject))
          .build(), did);
    }
    JsonNode text = record.get("text");
    if (text == null || !text.isTextual()) {
      throw new PayloadException("commit.record.text", null, "is required");
    }
    JsonNode langs = record.get("langs");
    String lang = langs != null && langs.isArray() && langs.size() > 0 && langs.get(0).isTextual()
        ? langs.get(0).asText() : null;
    return new Item.Post(Mention.builder(mentionId(uri), SOURCE, text.asText(), createdAt, ingestedAt)
        .url(webUrl(uri))
        .lang(lang)
        .replyTo(reference(record.path("reply").path("parent").path("uri")))
        .quoteOf(quoted(record.path("embed")))
        .build(), did);
  }

  /** The record's own {@code createdAt}, or the event time when it is missing or unreadable. */
  private static Instant createdAt(JsonNode record, Instant eventTime) {
    String text = JsonFields.optionalText(record, "createdAt");
    if (text == null) {
      return eventTime;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new PayloadException("commit.record.createdAt", text, "not an ISO-8601 instant");
    }
  }

  /** The quoted post of an {@code app.bsky.embed.record} or {@code app.bsky.embed.recordWithMedia} embed. */
  private static String quoted(JsonNode embed) {
    String direct = reference(embed.path("record").path("uri"));
    return direct != null ? direct : reference(embed.path("record").path("record").path("uri"));
  }

  private static String reference(JsonNode uri) {
    return uri.isTextual() && uri.asText().startsWith("at://") ? mentionId(uri.asText()) : null;
  }

  static String mentionId(String atUri) {
    return SOURCE + ":" + atUri;
  }

  /** {@code at://<did>/app.bsky.feed.post/<rkey>} to its bsky.app address; null for anything else. */
  static String webUrl(String atUri) {
    String prefix = "at://";
    int collectionStart = atUri.indexOf('/', prefix.length());
    int rkeyStart = atUri.lastIndexOf('/');
    if (!atUri.startsWith(prefix) || collectionStart < 0 || rkeyStart <= collectionStart
        || !atUri.regionMatches(collectionStart + 1, POST, 0, POST.length())) {
      return null;
    }
    return "https://bsky.app/profile/" + atUri.substring(prefix.length(), collectionStart) + "/post/"
        + atUri.substring(rkeyStart + 1);
  }
}
