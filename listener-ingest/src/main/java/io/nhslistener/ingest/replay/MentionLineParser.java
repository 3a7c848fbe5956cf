package io.nhslistener.ingest.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.SchemaVersion;
import io.nhslistener.core.serde.Json;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.ingest.source.Item;
import java.io.IOException;
import java.time.Instant;

/**
 * Lines of {@code Mention} JSON (what the listener itself writes) to items. Thread-safe.
 *
 * <p>Replay at full speed is bounded by this parse, so well-formed lines go through a streaming reader that builds the
 * mention directly (and validates it through the record's own constructor); anything it does not expect — a wrong
 * type, an unknown schema version, a JSON error — is handed to the shared {@link JsonSerde}, whose verdict and message
 * (field, value, why) are the ones that count. The two agree on every valid line; the fast path is only faster.
 */
public final class MentionLineParser {
  private static final JsonSerde<Mention> SERDE = new JsonSerde<>(Mention.class);
  private static final JsonFactory FACTORY = Json.mapper().getFactory();

  /** A valid mention keeps its author key (already a pseudonym); anything else is malformed with the serde's reason. */
  public Item parse(byte[] line) {
    Mention fast = fastParse(line);
    if (fast != null) {
      return new Item.Post(fast, null);
    }
    try {
      return new Item.Post(SERDE.deserialize(null, line), null);
    } catch (RecordFormatException e) {
      return new Item.Malformed(line, e.getMessage());
    }
  }

  /** The mention, or null when the line needs the full deserialiser's judgement. */
  static Mention fastParse(byte[] line) {
    try (JsonParser parser = FACTORY.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Fields fields = new Fields();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!fields.read(name, value, parser)) {
          return null;
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return null;
      }
      return fields.build();
    } catch (IOException | RuntimeException e) {
      // Including RecordFormatException from the constructor: the serde then gives the authoritative message.
      return null;
    }
  }

  /** Field values as read; only plain, expected types are accepted on the fast path. */
  private static final class Fields {
    private int v = -1;
    private String id;
    private String source;
    private String url;
    private String authorKey;
    private String text;
    private String lang;
    private Instant createdAt;
    private Instant ingestedAt;
    private String replyTo;
    private String repostOf;
    private String quoteOf;
    private Engagement engagement;
    private long echoes;
    private boolean retraction;

    boolean read(String name, JsonToken value, JsonParser parser) throws IOException {
      switch (name) {
        case "v" -> {
          if (value != JsonToken.VALUE_NUMBER_INT) {
            return false;
          }
          v = parser.getIntValue();
        }
        case "id" -> id = text(value, parser);
        case "source" -> source = text(value, parser);
        case "url" -> url = text(value, parser);
        case "authorKey" -> authorKey = text(value, parser);
        case "text" -> text = text(value, parser);
        case "lang" -> lang = text(value, parser);
        case "createdAt" -> createdAt = instant(value, parser);
        case "ingestedAt" -> ingestedAt = instant(value, parser);
        case "replyTo" -> replyTo = text(value, parser);
        case "repostOf" -> repostOf = text(value, parser);
        case "quoteOf" -> quoteOf = text(value, parser);
        case "echoes" -> {
          if (value != JsonToken.VALUE_NUMBER_INT) {
            return false;
          }
          echoes = parser.getLongValue();
        }
        case "retraction" -> {
          if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            return false;
          }
          retraction = value == JsonToken.VALUE_TRUE;
        }
        case "engagement" -> {
          if (value == JsonToken.VALUE_NULL) {
            engagement = null;
          } else {
            engagement = engagement(value, parser);
            return engagement != null;
          }
        }
        default -> parser.skipChildren();
      }
      return true;
    }

    Mention build() {
      if (v != SchemaVersion.CURRENT || id == null || source == null || text == null || createdAt == null
          || ingestedAt == null) {
        return null;
      }
      return new Mention(v, id, source, url, authorKey, text, lang, createdAt, ingestedAt, replyTo, repostOf, quoteOf,
          engagement, echoes, retraction);
    }

    private static String text(JsonToken value, JsonParser parser) throws IOException {
      if (value == JsonToken.VALUE_STRING) {
        return parser.getText();
      }
      if (value == JsonToken.VALUE_NULL) {
        return null;
      }
      throw new IOException("not text");
    }

    private static Instant instant(JsonToken value, JsonParser parser) throws IOException {
      String text = text(value, parser);
      return text == null ? null : IsoInstants.parse(text);
    }

    private static Engagement engagement(JsonToken value, JsonParser parser) throws IOException {
      if (value != JsonToken.START_OBJECT) {
        return null;
      }
      long likes = 0;
      long reposts = 0;
      long replies = 0;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken count = parser.nextToken();
        if (count != JsonToken.VALUE_NUMBER_INT) {
          if (count.isStructStart() || !name.equals("likes") && !name.equals("reposts") && !name.equals("replies")) {
            parser.skipChildren();
            continue;
          }
          return null;
        }
        switch (name) {
          case "likes" -> likes = parser.getLongValue();
          case "reposts" -> reposts = parser.getLongValue();
          case "replies" -> replies = parser.getLongValue();
          default -> { /* unknown fields are ignored, as by the serde */ }
        }
      }
      return new Engagement(likes, reposts, replies);
    }
  }
}
