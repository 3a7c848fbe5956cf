package io.nhslistener.ingest.replay;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.ingest.source.Item;

/**
 * Lines of {@code Mention} JSON (what the listener itself writes) to items. Thread-safe.
 *
 * <p>Replay at full speed is bounded by this parse. It goes through the shared {@link JsonSerde#mention()}, whose
 * hand-written fast path reads the listener's own layout and hands anything else to the mapper, so the verdict and
 * message (field, value, why) are the same as on every topic.
 */
public final class MentionLineParser {
  private static final JsonSerde<Mention> SERDE = JsonSerde.mention();

  /** A valid mention keeps its author key (already a pseudonym); anything else is malformed with the serde's reason. */
  public Item parse(byte[] line) {
    try {
      return new Item.Post(SERDE.deserialize(null, line), null);
    } catch (RecordFormatException e) {
      return new Item.Malformed(line, e.getMessage());
    }
  }
}
