package io.nhslistener.core.serde;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for one record type. Null bytes read as null (a tombstone) and null writes as null.
 *
 * <p>Deserialisation failures surface as {@link RecordFormatException} naming the record type, the field path and the
 * offending value, so dead-letter reasons are actionable. Thread-safe.
 *
 * <p>The records every mention passes through ({@link #mention()}, {@link #matchedMention()}) are read and written by
 * hand-written code first, which produces the mapper's exact bytes and hands anything unusual to the mapper: the same
 * results at a fraction of the cost, which matters at tens of thousands of records a second per stage.
 *
 * @param <T> the record type
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
  private final Class<T> type;
  private final ObjectReader reader;
  private final ObjectWriter writer;
  private final FastCodec<T> codec;

  public JsonSerde(Class<T> type) {
    this(type, null);
  }

  private JsonSerde(Class<T> type, FastCodec<T> codec) {
    this.type = type;
    this.reader = Json.mapper().readerFor(type);
    this.writer = Json.mapper().writerFor(type);
    this.codec = codec;
  }

  /** The serde of {@link Mention}, with its hand-written fast path. */
  public static JsonSerde<Mention> mention() {
    return new JsonSerde<>(Mention.class, MentionJson.CODEC);
  }

  /** The serde of {@link MatchedMention}, with its hand-written fast path. */
  public static JsonSerde<MatchedMention> matchedMention() {
    return new JsonSerde<>(MatchedMention.class, MatchedMentionJson.CODEC);
  }

  /** The record type this serde reads and writes. */
  public Class<T> type() {
    return type;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      return codec == null ? writer.writeValueAsBytes(data) : fastWrite(data);
    } catch (IOException e) {
      // Records are plain values; failing to write one is a programming error, not bad input.
      throw new UncheckedIOException("cannot write " + type.getSimpleName(), e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    T fast = codec == null ? null : fastRead(data);
    if (fast != null) {
      return fast;
    }
    try {
      return reader.readValue(data);
    } catch (JacksonException e) {
      throw translate(e);
    } catch (IOException e) {
      throw new RecordFormatException(type.getSimpleName(), "$", "unreadable input", e);
    }
  }

  private byte[] fastWrite(T data) throws IOException {
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(Json.mapper().getFactory()._getBufferRecycler())) {
      try (JsonGenerator generator = Json.mapper().createGenerator(bytes, JsonEncoding.UTF8)) {
        codec.write(generator, data);
      }
      byte[] result = bytes.toByteArray();
      bytes.release();
      return result;
    }
  }

  /** The record from the fast path, or null to leave {@code data} to the mapper. */
  private T fastRead(byte[] data) {
    try (JsonParser parser = Json.mapper().createParser(data)) {
      T value = codec.read(parser);
      // The mapper rejects trailing tokens; so does the fast path, by leaving such input to it.
      return value != null && parser.nextToken() == null ? value : null;
    } catch (IOException | RuntimeException e) {
      return null; // unreadable or unusual: the mapper reads it again and says what is wrong
    }
  }

  /** Reads from text, with the same rules as {@link #deserialize(String, byte[])}. */
  public T fromJson(String json) {
    return deserialize(null, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes as text. */
  public String toJson(T value) {
    byte[] bytes = serialize(null, value);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private RecordFormatException translate(JacksonException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RecordFormatException rfe) {
      return rfe;
    }
    String recordType = type.getSimpleName();
    String path = e instanceof JsonMappingException jme ? pathOf(jme) : "$";
    if (e instanceof InvalidFormatException ife) {
      return new RecordFormatException(recordType, path, ife.getValue(),
          "not a valid " + ife.getTargetType().getSimpleName());
    }
    if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
      String message = e.getOriginalMessage();
      if (message != null && message.startsWith("Missing required creator property")) {
        return new RecordFormatException(recordType, path, null, "is required");
      }
      return new RecordFormatException(recordType, path, "wrong type: expected "
          + mie.getTargetType().getSimpleName() + " (" + firstLine(message) + ")", e);
    }
    return new RecordFormatException(recordType, path, firstLine(e.getOriginalMessage()), e);
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "$" : path.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // Configured by construction: nothing to read from client properties.
  }

  @Override
  public void close() {
    // Stateless: nothing to release.
  }
}
