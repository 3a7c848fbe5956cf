package io.nhslistener.core.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * A hand-written JSON reader and writer for one hot record type, used by {@link JsonSerde} before the data-binding
 * mapper. The writer must produce exactly the mapper's bytes; the reader handles the well-formed common case and
 * declines everything else, so the mapper keeps the last word on what a record may contain and on every error
 * message.
 *
 * @param <T> the record type
 */
interface FastCodec<T> {
  /**
   * Reads one record from a parser positioned before its first token.
   *
   * @return the record, or null to leave the input to the mapper (anything unusual: a missing or mistyped field, a
   *     duplicate, an instant in another form, a value the record rejects)
   * @throws IOException on unreadable input; the serde then also leaves it to the mapper
   */
  T read(JsonParser parser) throws IOException;

  /** Writes {@code value} (never null) as the mapper would: fields in component order, nulls left out. */
  void write(JsonGenerator generator, T value) throws IOException;
}
