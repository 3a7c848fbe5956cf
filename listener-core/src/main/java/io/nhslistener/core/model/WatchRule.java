package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One boolean keyword rule of an organisation.
 *
 * @param id rule id, unique within its organisation
 * @param query query in the rule language of {@code docs/rules.md}
 * @param languages languages the rule applies to (ISO 639-1); empty means all
 * @param sources source types the rule applies to; empty means all
 */
public record WatchRule(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String query,
    List<String> languages,
    List<String> sources) {

  public WatchRule {
    Fields.requiredText("WatchRule", "id", id);
    Fields.requiredText("WatchRule", "query", query);
    languages = Fields.list(languages);
    sources = Fields.list(sources);
  }
}
