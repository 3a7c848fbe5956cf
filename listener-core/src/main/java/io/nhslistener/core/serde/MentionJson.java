package io.nhslistener.core.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import java.io.IOException;
import java.time.Instant;

/**
 * {@link FastCodec} of {@link Mention}, the record every stage reads and writes. Reads the plain form the application
 * writes (strings, integers, booleans, instants as {@code …Z}, unknown fields skipped) and declines the rest.
 */
final class MentionJson implements FastCodec<Mention> {
  static final MentionJson CODEC = new MentionJson();

  private MentionJson() {}

  @Override
  public Mention read(JsonParser parser) throws IOException {
    return parser.nextToken() == JsonToken.START_OBJECT ? readObject(parser) : null;
  }

  /**
   * Reads a mention object whose START_OBJECT is the current token, leaving its END_OBJECT current.
   *
   * @return the mention, or null to decline
   */
  static Mention readObject(JsonParser parser) throws IOException {
    Fields fields = new Fields();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (!fields.read(name, parser.nextToken(), parser)) {
        return null;
      }
    }
    return token == JsonToken.END_OBJECT ? fields.build() : null;
  }

  @Override
  public void write(JsonGenerator out, Mention m) throws IOException {
    out.writeStartObject();
    out.writeNumberField("v", m.v());
    out.writeStringField("id", m.id());
    out.writeStringField("source", m.source());
    optional(out, "url", m.url());
    optional(out, "authorKey", m.authorKey());
    out.writeStringField("text", m.text());
    optional(out, "lang", m.lang());
    out.writeStringField("createdAt", m.createdAt().toString());
    out.writeStringField("ingestedAt", m.ingestedAt().toString());
    optional(out, "replyTo", m.replyTo());
    optional(out, "repostOf", m.repostOf());
    optional(out, "quoteOf", m.quoteOf());
    Engagement engagement = m.engagement();
    if (engagement != null) {
      out.writeObjectFieldStart("engagement");
      out.writeNumberField("likes", engagement.likes());
      out.writeNumberField("reposts", engagement.reposts());
      out.writeNumberField("replies", engagement.replies());
      out.writeEndObject();
    }
    out.writeNumberField("echoes", m.echoes());
    out.writeBooleanField("retraction", m.retraction());
    out.writeEndObject();
  }

  private static void optional(JsonGenerator out, String name, String value) throws IOException {
    if (value != null) {
      out.writeStringField(name, value);
    }
  }

  /** Field values as read; each field at most once. */
  private static final class Fields {
    private int seen;
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

    /** Reads one field's value; false to decline the record. */
    boolean read(String name, JsonToken value, JsonParser parser) throws IOException {
      int bit = bit(name);
      if (bit == 0) {
        parser.skipChildren(); // unknown fields are ignored, as by the mapper
        return true;
      }
      if ((seen & bit) != 0) {
        return false;
      }
      seen |= bit;
      if ((TEXT_FIELDS & bit) != 0) {
        if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
          return false;
        }
        String string = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        switch (name) {
          case "id" -> id = string;
          case "source" -> source = string;
          case "url" -> url = string;
          case "authorKey" -> authorKey = string;
          case "text" -> text = string;
          case "lang" -> lang = string;
          // An instant in another form reads as null here; the constructor then declines the record for the mapper.
          case "createdAt" -> createdAt = string == null ? null : IsoInstants.parse(string);
          case "ingestedAt" -> ingestedAt = string == null ? null : IsoInstants.parse(string);
          case "replyTo" -> replyTo = string;
          case "repostOf" -> repostOf = string;
          default -> quoteOf = string;
        }
        return true;
      }
      switch (name) {
        case "v" -> {
          if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            return false;
          }
          v = parser.getIntValue();
        }
        case "engagement" -> {
          if (value == JsonToken.START_OBJECT) {
            engagement = engagement(parser);
            return engagement != null;
          }
          return value == JsonToken.VALUE_NULL;
        }
        case "echoes" -> {
          if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return false;
          }
          echoes = parser.getLongValue();
        }
        default -> {
          if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            return false;
          }
          retraction = value == JsonToken.VALUE_TRUE;
        }
      }
      return true;
    }

    private static final int TEXT_FIELDS = bit("id") | bit("source") | bit("url") | bit("authorKey") | bit("text")
        | bit("lang") | bit("createdAt") | bit("ingestedAt") | bit("replyTo") | bit("repostOf") | bit("quoteOf");

    private static int bit(String name) {
      return switch (name) {
        case "v" -> 1;
        case "id" -> 1 << 1;
        case "source" -> 1 << 2;
        case "url" -> 1 << 3;
        case "authorKey" -> 1 << 4;
        case "text" -> 1 << 5;
        case "lang" -> 1 << 6;
        case "createdAt" -> 1 << 7;
        case "ingestedAt" -> 1 << 8;
        case "replyTo" -> 1 << 9;
        case "repostOf" -> 1 << 10;
        case "quoteOf" -> 1 << 11;
        case "engagement" -> 1 << 12;
        case "echoes" -> 1 << 13;
        case "retraction" -> 1 << 14;
        default -> 0;
      };
    }

    Mention build() {
      try {
        return new Mention(v, id, source, url, authorKey, text, lang, createdAt, ingestedAt, replyTo, repostOf,
            quoteOf, engagement, echoes, retraction);
      } catch (RecordFormatException e) {
        return null; // a missing or invalid value: the mapper gives the authoritative message
      }
    }

    private static Engagement engagement(JsonParser parser) throws IOException {
      long likes = 0;
      long reposts = 0;
      long replies = 0;
      int counted = 0;
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken count = parser.nextToken();
        int bit = switch (name) {
          case "likes" -> 1;
          case "reposts" -> 2;
          case "replies" -> 4;
          default -> 0;
        };
        if (bit == 0) {
          parser.skipChildren();
          continue;
        }
        if ((counted & bit) != 0 || count != JsonToken.VALUE_NUMBER_INT
            || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return null;
        }
        counted |= bit;
        switch (bit) {
          case 1 -> likes = parser.getLongValue();
          case 2 -> reposts = parser.getLongValue();
          default -> replies = parser.getLongValue();
        }
      }
      if (token != JsonToken.END_OBJECT) {
        return null;
      }
      try {
        return new Engagement(likes, reposts, replies);
      } catch (RecordFormatException e) {
        return null;
      }
    }
  }
}
