package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A detected change worth a comms officer's attention, explained well enough to act on without opening a dashboard.
 *
 * @param v schema version
 * @param id deterministic from organisation, kind, window and status (see {@link #idFor}), so a replay yields the same id
 * @param orgId organisation id
 * @param kind what was detected
 * @param severity how unusual
 * @param status new, escalated or resolved
 * @param windowStart start of the window that triggered this record
 * @param windowEnd end of that window
 * @param since start of the episode (first abnormal window)
 * @param observed the observed figure (mentions in the window, or negative share / mean sentiment)
 * @param expected the baseline's expectation for that window
 * @param score how unlikely the observation is under the baseline (higher is more unusual)
 * @param explanation one plain sentence for a human
 * @param topTerms most frequent matched terms in the windows involved
 * @param samples up to five sample mentions (redacted text and link)
 */
public record Alert(
    @JsonProperty(required = true) int v,
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String orgId,
    @JsonProperty(required = true) AlertKind kind,
    @JsonProperty(required = true) Severity severity,
    @JsonProperty(required = true) AlertStatus status,
    @JsonProperty(required = true) Instant windowStart,
    @JsonProperty(required = true) Instant windowEnd,
    @JsonProperty(required = true) Instant since,
    double observed,
    double expected,
    double score,
    @JsonProperty(required = true) String explanation,
    List<TermCount> topTerms,
    List<SampleMention> samples) {

  private static final String TYPE = "Alert";

  public Alert {
    Fields.schemaVersion(TYPE, v);
    Fields.requiredText(TYPE, "id", id);
    Fields.requiredText(TYPE, "orgId", orgId);
    Fields.required(TYPE, "kind", kind);
    Fields.required(TYPE, "severity", severity);
    Fields.required(TYPE, "status", status);
    Fields.required(TYPE, "windowStart", windowStart);
    Fields.required(TYPE, "windowEnd", windowEnd);
    Fields.required(TYPE, "since", since);
    Fields.required(TYPE, "explanation", explanation);
    topTerms = Fields.list(topTerms);
    samples = Fields.list(samples);
  }

  /**
   * The deterministic id of an alert record: a name-based UUID of organisation, kind, window start and status, so the
   * same input always yields the same id and receivers can deduplicate on it.
   */
  public static String idFor(String orgId, AlertKind kind, Instant windowStart, AlertStatus status) {
    String name = orgId + '|' + kind + '|' + windowStart + '|' + status;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
