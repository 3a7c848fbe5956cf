package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Where a source instance has got to, committed in the same transaction as the mentions it covers. The position is
 * opaque to everything but the connector that wrote it (a status id, a {@code time_us}, an ETag).
 *
 * @param v schema version
 * @param sourceId source instance id from {@code listener.yaml}
 * @param position connector-specific resume position
 * @param updatedAt when it was committed
 */
public record SourceCursor(
    @JsonProperty(required = true) int v,
    @JsonProperty(required = true) String sourceId,
    @JsonProperty(required = true) String position,
    @JsonProperty(required = true) Instant updatedAt) {

  public SourceCursor {
    Fields.schemaVersion("SourceCursor", v);
    Fields.requiredText("SourceCursor", "sourceId", sourceId);
    Fields.required("SourceCursor", "position", position);
    Fields.required("SourceCursor", "updatedAt", updatedAt);
  }

  public static SourceCursor of(String sourceId, String position, Instant updatedAt) {
    return new SourceCursor(SchemaVersion.CURRENT, sourceId, position, updatedAt);
  }
}
