package io.nhslistener.ingest.replay;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.ingest.source.Item;

/** Lines of {@code Mention} JSON (what the listener itself writes) to items. Thread-safe. */
public final class MentionLineParser {
  private static final JsonSerde<Mention> SERDE = new JsonSerde<>(Mention.class);

  /** A valid mention keeps its author key (already a pseudonym); anything else is malformed with the serde's reason. */
  public Item parse(byte[] line) {
    try {
      return new Item.Post(SERDE.deserialize(null, line), null);
    } catch (RecordFormatException e) {
      return new Item.Malformed(line, e.getMessage());
    }
  }
}
