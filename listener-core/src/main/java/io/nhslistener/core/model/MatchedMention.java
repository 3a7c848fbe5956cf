package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A unique mention that matched at least one watch rule of one organisation. A mention matching several
 * organisations yields one record per organisation.
 *
 * @param v schema version
 * @param mention the mention, as first sighted (with its echo count at match time)
 * @param orgId the organisation whose rules matched
 * @param ruleIds ids of that organisation's rules that matched, never empty
 * @param terms matched terms (highlights), lower-cased as analysed, in first-seen order
 * @param sentiment the mention's sentiment
 */
public record MatchedMention(
    @JsonProperty(required = true) int v,
    @JsonProperty(required = true) Mention mention,
    @JsonProperty(required = true) String orgId,
    @JsonProperty(required = true) List<String> ruleIds,
    List<String> terms,
    @JsonProperty(required = true) Sentiment sentiment) {

  private static final String TYPE = "MatchedMention";

  public MatchedMention {
    Fields.schemaVersion(TYPE, v);
    Fields.required(TYPE, "mention", mention);
    Fields.requiredText(TYPE, "orgId", orgId);
    ruleIds = Fields.list(Fields.required(TYPE, "ruleIds", ruleIds));
    if (ruleIds.isEmpty()) {
      throw new RecordFormatException(TYPE, "ruleIds", ruleIds, "must name at least one rule");
    }
    terms = Fields.list(terms);
    Fields.required(TYPE, "sentiment", sentiment);
  }

  public static MatchedMention of(Mention mention, String orgId, List<String> ruleIds, List<String> terms,
      Sentiment sentiment) {
    return new MatchedMention(SchemaVersion.CURRENT, mention, orgId, ruleIds, terms, sentiment);
  }
}
