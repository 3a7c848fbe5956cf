package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A record a stage could not process, kept with its original bytes so that nothing is lost and it can be replayed after
 * a fix. Keyed by the original key.
 *
 * @param v schema version
 * @param stage the stage that rejected it, e.g. {@code ingest}, {@code dedupe}, {@code match}, {@code windows}
 * @param reason why, naming the field and value where there is one
 * @param origin where it came from: a topic name, or a source instance id at ingest
 * @param partition source partition, or -1 when not from Kafka
 * @param offset source offset, or -1 when not from Kafka
 * @param key original key bytes (Base64 in JSON), or null
 * @param value original value bytes (Base64 in JSON), or null
 * @param time when it was dead-lettered
 */
public record DeadLetter(
    @JsonProperty(required = true) int v,
    @JsonProperty(required = true) String stage,
    @JsonProperty(required = true) String reason,
    @JsonProperty(required = true) String origin,
    int partition,
    long offset,
    byte[] key,
    byte[] value,
    @JsonProperty(required = true) Instant time) {

  private static final String TYPE = "DeadLetter";

  public DeadLetter {
    Fields.schemaVersion(TYPE, v);
    Fields.requiredText(TYPE, "stage", stage);
    Fields.required(TYPE, "reason", reason);
    Fields.requiredText(TYPE, "origin", origin);
    Fields.required(TYPE, "time", time);
  }

  public static DeadLetter of(String stage, String reason, String origin, int partition, long offset, byte[] key,
      byte[] value, Instant time) {
    return new DeadLetter(SchemaVersion.CURRENT, stage, reason, origin, partition, offset, key, value, time);
  }
}
