package io.nhslistener.ingest.x;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.text.JsonFields;
import io.nhslistener.ingest.text.PayloadException;
import java.time.Instant;
import java.util.Optional;

/**
 * Lines of the X API v2 filtered stream ({@code {"data":{…},"includes":{…},"matching_rules":[…]}}) to items. Mention
 * ids are {@code x:<post id>} and URLs {@code https://x.com/i/web/status/<id>} (no handle in them); referenced posts
 * give {@code replyTo}, {@code quoteOf} and {@code repostOf}. A line carrying only {@code errors} (an operational
 * message from X) gives no item: see {@link #streamError}. Stateless and thread-safe.
 */
public final class XStreamParser {
  public static final String SOURCE = "x";

  /**
   * @param line one non-blank line of the stream
   * @return the post, a malformed item, or empty for an errors-only message
   */
  public Optional<Item> parse(byte[] line, Instant ingestedAt) {
    try {
      JsonNode message = JsonFields.parseObject(line);
      if (message.get("data") == null && message.has("errors")) {
        return Optional.empty();
      }
      JsonNode data = JsonFields.requiredObject(message, "data");
      String id = JsonFields.requiredText(data, "id");
      JsonNode text = data.get("text");
      if (text == null || !text.isTextual()) {
        throw new PayloadException("data.text", null, "is required");
      }
      Mention.Builder mention = Mention.builder(SOURCE + ":" + id, SOURCE, text.asText(),
              JsonFields.requiredInstant(data, "created_at"), ingestedAt)
          .url("https://x.com/i/web/status/" + id)
          .lang(language(JsonFields.optionalText(data, "lang")));
      JsonNode metrics = data.get("public_metrics");
      if (metrics != null && metrics.isObject()) {
        mention.engagement(new Engagement(JsonFields.count(metrics, "like_count"),
            JsonFields.count(metrics, "retweet_count") + JsonFields.count(metrics, "quote_count"),
            JsonFields.count(metrics, "reply_count")));
      }
      for (JsonNode reference : data.path("referenced_tweets")) {
        String target = SOURCE + ":" + JsonFields.requiredText(reference, "id");
        switch (String.valueOf(JsonFields.optionalText(reference, "type"))) {
          case "replied_to" -> mention.replyTo(target);
          case "quoted" -> mention.quoteOf(target);
          case "retweeted" -> mention.repostOf(target);
          default -> { /* unknown reference kinds are not part of the mention */ }
        }
      }
      return Optional.of(new Item.Post(mention.build(), JsonFields.optionalText(data, "author_id")));
    } catch (PayloadException | RecordFormatException e) {
      return Optional.of(new Item.Malformed(line, "x stream: " + e.getMessage()));
    }
  }

  /** The first error title of an errors-only message (e.g. {@code operational-disconnect}), for a log line. */
  public Optional<String> streamError(byte[] line) {
    try {
      JsonNode message = JsonFields.parseObject(line);
      if (message.get("data") != null) {
        return Optional.empty();
      }
      return Optional.ofNullable(JsonFields.optionalText(message.path("errors").path(0), "title"));
    } catch (PayloadException e) {
      return Optional.empty();
    }
  }

  /** X reports {@code und} for an undetermined language; a mention then has none. */
  private static String language(String lang) {
    return lang == null || "und".equals(lang) ? null : lang;
  }
}
