package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One public post, comment, article or feed entry from a source, after privacy processing: the author is a keyed
 * pseudonym and the text has been redacted before the record was ever written to Kafka.
 *
 * @param v schema version, always {@link SchemaVersion#CURRENT}
 * @param id {@code <source>:<native id>}, unique across sources
 * @param source source type, e.g. {@code mastodon}, {@code bluesky}, {@code reddit}, {@code rss}, {@code x}
 * @param url link to the public post, or null when the source has none
 * @param authorKey pseudonymised author (keyed HMAC), never a handle; null when the source names no author
 * @param text redacted plain text (may be empty, never null)
 * @param lang ISO 639-1 language code the source reported, or null
 * @param createdAt event time: when the source says the post was made
 * @param ingestedAt when the connector fetched it
 * @param replyTo id of the mention this one replies to, or null
 * @param repostOf id of the mention this one reposts (boost, retweet), or null
 * @param quoteOf id of the mention this one quotes, or null
 * @param engagement counts at fetch time, or null when the source gives none
 * @param echoes echoes (reposts and near-duplicates) counted against this first sighting so far; 0 on raw mentions
 * @param retraction true when this record withdraws the mention {@code id} (the author deleted it)
 * @throws RecordFormatException when a required field is missing or a value is out of range
 */
public record Mention(
    @JsonProperty(required = true) int v,
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String source,
    String url,
    String authorKey,
    @JsonProperty(required = true) String text,
    String lang,
    @JsonProperty(required = true) Instant createdAt,
    @JsonProperty(required = true) Instant ingestedAt,
    String replyTo,
    String repostOf,
    String quoteOf,
    Engagement engagement,
    long echoes,
    boolean retraction) {

  private static final String TYPE = "Mention";

  public Mention {
    Fields.schemaVersion(TYPE, v);
    Fields.requiredText(TYPE, "id", id);
    Fields.requiredText(TYPE, "source", source);
    Fields.required(TYPE, "text", text);
    Fields.required(TYPE, "createdAt", createdAt);
    Fields.required(TYPE, "ingestedAt", ingestedAt);
    Fields.nonNegative(TYPE, "echoes", echoes);
  }

  /** Starts a mention with its required fields; the builder fills the schema version. */
  public static Builder builder(String id, String source, String text, Instant createdAt, Instant ingestedAt) {
    return new Builder(id, source, text, createdAt, ingestedAt);
  }

  /** A builder seeded with every field of this mention, for copies that change a few. */
  public Builder toBuilder() {
    return new Builder(id, source, text, createdAt, ingestedAt)
        .url(url)
        .authorKey(authorKey)
        .lang(lang)
        .replyTo(replyTo)
        .repostOf(repostOf)
        .quoteOf(quoteOf)
        .engagement(engagement)
        .echoes(echoes)
        .retraction(retraction);
  }

  /** This mention with a new echo count. */
  public Mention withEchoes(long newEchoes) {
    return toBuilder().echoes(newEchoes).build();
  }

  /** Mutable, single-use builder; {@link #build()} validates. */
  public static final class Builder {
    private String id;
    private String source;
    private String text;
    private Instant createdAt;
    private Instant ingestedAt;
    private String url;
    private String authorKey;
    private String lang;
    private String replyTo;
    private String repostOf;
    private String quoteOf;
    private Engagement engagement;
    private long echoes;
    private boolean retraction;

    private Builder(String id, String source, String text, Instant createdAt, Instant ingestedAt) {
      this.id = id;
      this.source = source;
      this.text = text;
      this.createdAt = createdAt;
      this.ingestedAt = ingestedAt;
    }

    public Builder id(String value) { id = value; return this; }
    public Builder text(String value) { text = value; return this; }
    public Builder createdAt(Instant value) { createdAt = value; return this; }
    public Builder ingestedAt(Instant value) { ingestedAt = value; return this; }
    public Builder url(String value) { url = value; return this; }
    public Builder authorKey(String value) { authorKey = value; return this; }
    public Builder lang(String value) { lang = value; return this; }
    public Builder replyTo(String value) { replyTo = value; return this; }
    public Builder repostOf(String value) { repostOf = value; return this; }
    public Builder quoteOf(String value) { quoteOf = value; return this; }
    public Builder engagement(Engagement value) { engagement = value; return this; }
    public Builder echoes(long value) { echoes = value; return this; }
    public Builder retraction(boolean value) { retraction = value; return this; }

    public Mention build() {
      return new Mention(SchemaVersion.CURRENT, id, source, url, authorKey, text, lang, createdAt, ingestedAt,
          replyTo, repostOf, quoteOf, engagement, echoes, retraction);
    }
  }
}
