package io.nhslistener.ingest.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.text.HtmlText;
import io.nhslistener.ingest.text.JsonFields;
import io.nhslistener.ingest.text.PayloadException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Mastodon Status entities (streaming {@code update} and {@code status.update} events, REST timelines) and
 * {@code delete} events to items. Mention ids are {@code mastodon:<instance host>:<status id>}, because status ids are
 * local to the instance that served them. A boost becomes a mention with the boosted post's text and
 * {@code repostOf} set. Stateless and thread-safe.
 */
public final class MastodonStatusParser {
  public static final String SOURCE = "mastodon";

  private final String instanceHost;

  /** @param instanceHost host of the instance the statuses came from, part of every mention id */
  public MastodonStatusParser(String instanceHost) {
    this.instanceHost = instanceHost;
  }

  /** An {@code update} or {@code status.update} payload, or one element of a REST timeline. */
  public Item status(byte[] payload, Instant ingestedAt) {
    try {
      return status(JsonFields.parseObject(payload), ingestedAt);
    } catch (PayloadException | RecordFormatException e) {
      return new Item.Malformed(payload, "mastodon status: " + e.getMessage());
    }
  }

  /** A status already parsed as JSON (an element of a REST timeline). */
  Item.Post status(JsonNode status, Instant ingestedAt) {
    String id = JsonFields.requiredText(status, "id");
    JsonNode account = JsonFields.requiredObject(status, "account");
    JsonNode reblog = status.get("reblog");
    JsonNode body = reblog != null && reblog.isObject() ? reblog : status;
    Mention mention = Mention.builder(mentionId(id), SOURCE, HtmlText.toPlainText(JsonFields.optionalText(body,
            "content")), JsonFields.requiredInstant(status, "created_at"), ingestedAt)
        .url(firstNonNull(JsonFields.optionalText(status, "url"), JsonFields.optionalText(status, "uri")))
        .lang(JsonFields.optionalText(body, "language"))
        .replyTo(reference(JsonFields.optionalText(status, "in_reply_to_id")))
        .repostOf(body == status ? null : mentionId(JsonFields.requiredText(body, "id")))
        .engagement(new Engagement(JsonFields.count(body, "favourites_count"), JsonFields.count(body, "reblogs_count"),
            JsonFields.count(body, "replies_count")))
        .build();
    return new Item.Post(mention, qualifiedAccount(JsonFields.requiredText(account, "acct")));
  }

  /** A {@code delete} payload (the bare status id): a retraction of that mention. */
  public Item delete(byte[] payload, Instant ingestedAt) {
    String id = new String(payload, StandardCharsets.UTF_8).trim();
    if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
      return new Item.Malformed(payload, "mastodon delete: expected a status id");
    }
    return new Item.Post(Mention.builder(mentionId(id), SOURCE, "", ingestedAt, ingestedAt).retraction(true).build(),
        null);
  }

  /** The mention id of a status id of this instance. */
  public String mentionId(String statusId) {
    return SOURCE + ":" + instanceHost + ":" + statusId;
  }

  private String reference(String statusId) {
    return statusId == null ? null : mentionId(statusId);
  }

  /** Local accounts have a bare {@code acct}; qualify it so that equal names on two instances stay apart. */
  private String qualifiedAccount(String acct) {
    return acct.indexOf('@') >= 0 ? acct : acct + "@" + instanceHost;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
