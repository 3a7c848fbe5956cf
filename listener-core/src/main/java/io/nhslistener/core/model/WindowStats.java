package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One closed event-time window of one organisation. Windows with no mentions are emitted too (count 0), so that
 * dashboards and detectors see silence as data.
 *
 * @param v schema version
 * @param orgId organisation id
 * @param windowStart inclusive start
 * @param windowEnd exclusive end
 * @param count matched unique mentions in the window
 * @param distinctAuthors distinct pseudonymous authors (estimated for very large windows)
 * @param positive mentions labelled positive
 * @param neutral mentions labelled neutral
 * @param negative mentions labelled negative
 * @param meanSentiment mean compound score, 0 for an empty window
 * @param topTerms most frequent matched terms, most frequent first
 * @param samples up to five illustrative mentions (most engaged, most negative)
 * @param countBySource mentions per source type
 */
public record WindowStats(
    @JsonProperty(required = true) int v,
    @JsonProperty(required = true) String orgId,
    @JsonProperty(required = true) Instant windowStart,
    @JsonProperty(required = true) Instant windowEnd,
    long count,
    long distinctAuthors,
    long positive,
    long neutral,
    long negative,
    double meanSentiment,
    List<TermCount> topTerms,
    List<SampleMention> samples,
    Map<String, Long> countBySource) {

  private static final String TYPE = "WindowStats";

  public WindowStats {
    Fields.schemaVersion(TYPE, v);
    Fields.requiredText(TYPE, "orgId", orgId);
    Fields.required(TYPE, "windowStart", windowStart);
    Fields.required(TYPE, "windowEnd", windowEnd);
    if (!windowEnd.isAfter(windowStart)) {
      throw new RecordFormatException(TYPE, "windowEnd", windowEnd, "must be after windowStart " + windowStart);
    }
    Fields.nonNegative(TYPE, "count", count);
    Fields.nonNegative(TYPE, "distinctAuthors", distinctAuthors);
    Fields.nonNegative(TYPE, "positive", positive);
    Fields.nonNegative(TYPE, "neutral", neutral);
    Fields.nonNegative(TYPE, "negative", negative);
    if (positive + neutral + negative != count) {
      throw new RecordFormatException(TYPE, "count", count,
          "must equal positive + neutral + negative = " + (positive + neutral + negative));
    }
    if (!(meanSentiment >= -1.0 && meanSentiment <= 1.0)) {
      throw new RecordFormatException(TYPE, "meanSentiment", meanSentiment, "must be a number in [-1, 1]");
    }
    topTerms = Fields.list(topTerms);
    samples = Fields.list(samples);
    countBySource = Fields.map(countBySource);
  }

  /** An empty window: how silence is reported. */
  public static WindowStats empty(String orgId, Instant windowStart, Instant windowEnd) {
    return new WindowStats(SchemaVersion.CURRENT, orgId, windowStart, windowEnd, 0, 0, 0, 0, 0, 0.0,
        List.of(), List.of(), Map.of());
  }

  /** Window length. */
  @JsonIgnore
  public Duration size() {
    return Duration.between(windowStart, windowEnd);
  }

  /** Share of mentions labelled negative, 0 for an empty window. */
  @JsonIgnore
  public double negativeShare() {
    return count == 0 ? 0.0 : (double) negative / count;
  }
}
