package io.nhslistener.streams.dedupe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of a {@link Sighting} for the dedupe store and its changelog: kind, retracted and comparable
 * (1 byte each), echoes and fingerprint (8 bytes each), then the first sighting's id in UTF-8 (absent for first
 * sightings). Store state is internal, so a fixed layout is cheaper than JSON and has no schema to evolve separately
 * from this class.
 */
final class SightingSerde implements Serde<Sighting>, Serializer<Sighting>, Deserializer<Sighting> {
  private static final Sighting.Kind[] KINDS = Sighting.Kind.values();
  private static final int HEADER = 19;

  @Override
  public byte[] serialize(String topic, Sighting sighting) {
    if (sighting == null) {
      return null;
    }
    byte[] id = sighting.firstId() == null ? new byte[0] : sighting.firstId().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(HEADER + id.length)
        .put((byte) sighting.kind().ordinal())
        .put((byte) (sighting.retracted() ? 1 : 0))
        .put((byte) (sighting.comparable() ? 1 : 0))
        .putLong(sighting.echoes())
        .putLong(sighting.fingerprint())
        .put(id)
        .array();
  }

  @Override
  public Sighting deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (data.length < HEADER || data[0] < 0 || data[0] >= KINDS.length) {
      throw new SerializationException("not a dedupe sighting (" + data.length + " bytes)");
    }
    ByteBuffer buffer = ByteBuffer.wrap(data);
    Sighting.Kind kind = KINDS[buffer.get()];
    boolean retracted = buffer.get() == 1;
    boolean comparable = buffer.get() == 1;
    long echoes = buffer.getLong();
    long fingerprint = buffer.getLong();
    String firstId = data.length == HEADER ? null
        : new String(data, HEADER, data.length - HEADER, StandardCharsets.UTF_8);
    return new Sighting(kind, firstId, echoes, retracted, fingerprint, comparable);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // Nothing to configure: the layout is fixed.
  }

  @Override
  public void close() {
    // Stateless.
  }

  @Override
  public Serializer<Sighting> serializer() {
    return this;
  }

  @Override
  public Deserializer<Sighting> deserializer() {
    return this;
  }
}
