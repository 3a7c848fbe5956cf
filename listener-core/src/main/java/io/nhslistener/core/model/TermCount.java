package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A matched term and how many mentions in a window contained it. */
public record TermCount(@JsonProperty(required = true) String term, long count) {
  public TermCount {
    Fields.requiredText("TermCount", "term", term);
    Fields.nonNegative("TermCount", "count", count);
  }
}
