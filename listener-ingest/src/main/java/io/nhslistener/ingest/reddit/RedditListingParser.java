package io.nhslistener.ingest.reddit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.serde.Json;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.text.JsonFields;
import io.nhslistener.ingest.text.PayloadException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reddit listings ({@code {"kind":"Listing","data":{"children":[…],"before","after"}}}) to items: submissions
 * ({@code t3}: title and self text) and comments ({@code t1}: body) become mentions with id {@code reddit:<fullname>};
 * a child that cannot be read is malformed on its own, without losing its siblings. Stateless and thread-safe.
 */
public final class RedditListingParser {
  public static final String SOURCE = "reddit";
  private static final String WEB = "https://www.reddit.com";

  /**
   * One page.
   *
   * @param items its children, newest first as Reddit lists them
   * @param newestFullname the fullname of the first child (the {@code before=} for the next poll), or null when empty
   */
  public record Page(List<Item> items, String newestFullname) {}

  /**
   * @throws PayloadException when the body is not a listing at all (the whole page is then one malformed payload)
   */
  public Page parse(byte[] body, Instant ingestedAt) {
    return parse(JsonFields.parseObject(body), ingestedAt);
  }

  /** A listing already read as JSON (one of several in a captured file). */
  public Page parse(JsonNode listing, Instant ingestedAt) {
    if (!"Listing".equals(JsonFields.optionalText(listing, "kind"))) {
      throw new PayloadException("kind", JsonFields.optionalText(listing, "kind"), "expected Listing");
    }
    JsonNode children = JsonFields.requiredObject(listing, "data").get("children");
    if (children == null || !children.isArray()) {
      throw new PayloadException("data.children", null, "expected an array");
    }
    List<Item> items = new ArrayList<>(children.size());
    String newest = null;
    for (JsonNode child : children) {
      Item item = child(child, ingestedAt);
      items.add(item);
      if (newest == null && item instanceof Item.Post post) {
        newest = post.mention().id().substring(SOURCE.length() + 1);
      }
    }
    return new Page(items, newest);
  }

  private static Item child(JsonNode child, Instant ingestedAt) {
    try {
      String kind = JsonFields.requiredText(child, "kind");
      JsonNode data = JsonFields.requiredObject(child, "data");
      String fullname = JsonFields.requiredText(data, "name");
      String text = switch (kind) {
        case "t3" -> joined(JsonFields.requiredText(data, "title"), JsonFields.optionalText(data, "selftext"));
        case "t1" -> requiredBody(data);
        default -> throw new PayloadException("kind", kind, "expected t3 (submission) or t1 (comment)");
      };
      JsonNode created = data.get("created_utc");
      if (created == null || !created.isNumber()) {
        throw new PayloadException("data.created_utc", String.valueOf(created), "expected seconds since the epoch");
      }
      String permalink = JsonFields.optionalText(data, "permalink");
      String parent = JsonFields.optionalText(data, "parent_id");
      Mention mention = Mention.builder(SOURCE + ":" + fullname, SOURCE, text,
              Instant.ofEpochMilli((long) (created.asDouble() * 1000)), ingestedAt)
          .url(permalink == null ? null : WEB + permalink)
          .replyTo("t1".equals(kind) && parent != null ? SOURCE + ":" + parent : null)
          .engagement(new Engagement(JsonFields.count(data, "score"), JsonFields.count(data, "num_crossposts"),
              JsonFields.count(data, "num_comments")))
          .build();
      String author = JsonFields.optionalText(data, "author");
      return new Item.Post(mention, author == null || "[deleted]".equals(author) ? null : author);
    } catch (PayloadException | RecordFormatException e) {
      return new Item.Malformed(bytes(child), "reddit child: " + e.getMessage());
    }
  }

  private static String requiredBody(JsonNode data) {
    String body = JsonFields.optionalText(data, "body");
    if (body == null) {
      throw new PayloadException("data.body", null, "is required for a comment");
    }
    return body;
  }

  private static String joined(String title, String selfText) {
    return selfText == null || selfText.isBlank() ? title : title + "\n\n" + selfText;
  }

  /** The JSON text of a node, as the bytes of a dead letter. */
  public static byte[] bytes(JsonNode node) {
    try {
      return Json.mapper().writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      // A tree Jackson itself built always writes back out.
      throw new IllegalStateException(e);
    }
  }
}
