package io.nhslistener.core.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link FastCodec} of {@link MatchedMention}, written by matching and read by the window stage: the nested mention
 * through {@link MentionJson}, the organisation, rule ids and terms as string arrays, the sentiment. Declines anything
 * but that plain form.
 */
final class MatchedMentionJson implements FastCodec<MatchedMention> {
  static final MatchedMentionJson CODEC = new MatchedMentionJson();

  private MatchedMentionJson() {}

  @Override
  public MatchedMention read(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    int v = -1;
    Mention mention = null;
    String orgId = null;
    List<String> ruleIds = null;
    List<String> terms = null;
    Sentiment sentiment = null;
    int seen = 0;
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      int bit = switch (name) {
        case "v" -> 1;
        case "mention" -> 2;
        case "orgId" -> 4;
        case "ruleIds" -> 8;
        case "terms" -> 16;
        case "sentiment" -> 32;
        default -> 0;
      };
      if (bit == 0) {
        parser.skipChildren();
        continue;
      }
      if ((seen & bit) != 0) {
        return null;
      }
      seen |= bit;
      switch (bit) {
        case 1 -> {
          if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            return null;
          }
          v = parser.getIntValue();
        }
        case 2 -> {
          mention = value == JsonToken.START_OBJECT ? MentionJson.readObject(parser) : null;
          if (mention == null) {
            return null;
          }
        }
        case 4 -> {
          if (value != JsonToken.VALUE_STRING) {
            return null;
          }
          orgId = parser.getText();
        }
        case 8 -> {
          ruleIds = strings(value, parser);
          if (ruleIds == null) {
            return null;
          }
        }
        case 16 -> {
          terms = strings(value, parser);
          if (terms == null) {
            return null;
          }
        }
        default -> {
          sentiment = value == JsonToken.START_OBJECT ? sentiment(parser) : null;
          if (sentiment == null) {
            return null;
          }
        }
      }
    }
    if (token != JsonToken.END_OBJECT) {
      return null;
    }
    try {
      return new MatchedMention(v, mention, orgId, ruleIds, terms, sentiment);
    } catch (RecordFormatException e) {
      return null; // a missing or invalid value: the mapper gives the authoritative message
    }
  }

  /** A JSON array of strings; null (decline) for anything else, null elements included. */
  private static List<String> strings(JsonToken value, JsonParser parser) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      return null;
    }
    List<String> strings = new ArrayList<>(4);
    JsonToken element;
    while ((element = parser.nextToken()) == JsonToken.VALUE_STRING) {
      strings.add(parser.getText());
    }
    return element == JsonToken.END_ARRAY ? strings : null;
  }

  private static Sentiment sentiment(JsonParser parser) throws IOException {
    double compound = Double.NaN;
    SentimentLabel label = null;
    int seen = 0;
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("compound") && (seen & 1) == 0
          && (value == JsonToken.VALUE_NUMBER_FLOAT || value == JsonToken.VALUE_NUMBER_INT)) {
        seen |= 1;
        compound = parser.getDoubleValue();
      } else if (name.equals("label") && (seen & 2) == 0 && value == JsonToken.VALUE_STRING) {
        seen |= 2;
        label = label(parser.getText());
        if (label == null) {
          return null;
        }
      } else if (name.equals("compound") || name.equals("label")) {
        return null;
      } else {
        parser.skipChildren();
      }
    }
    if (token != JsonToken.END_OBJECT || seen != 3) {
      return null;
    }
    try {
      return new Sentiment(compound, label);
    } catch (RecordFormatException e) {
      return null;
    }
  }

  private static SentimentLabel label(String name) {
    for (SentimentLabel label : SentimentLabel.values()) {
      if (label.name().equals(name)) {
        return label;
      }
    }
    return null;
  }

  @Override
  public void write(JsonGenerator out, MatchedMention m) throws IOException {
    out.writeStartObject();
    out.writeNumberField("v", m.v());
    out.writeFieldName("mention");
    MentionJson.CODEC.write(out, m.mention());
    out.writeStringField("orgId", m.orgId());
    strings(out, "ruleIds", m.ruleIds());
    strings(out, "terms", m.terms());
    out.writeObjectFieldStart("sentiment");
    out.writeNumberField("compound", m.sentiment().compound());
    out.writeStringField("label", m.sentiment().label().name());
    out.writeEndObject();
    out.writeEndObject();
  }

  private static void strings(JsonGenerator out, String name, List<String> values) throws IOException {
    out.writeArrayFieldStart(name);
    for (String value : values) {
      out.writeString(value);
    }
    out.writeEndArray();
  }
}
