package io.nhslistener.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A mention chosen to illustrate a window or an alert: its id, link and redacted text (already redacted at ingest),
 * so that an alert can show the posts that caused it without another look-up.
 *
 * @param id mention id
 * @param url public link, or null
 * @param text redacted text, cut to at most {@link #MAX_TEXT} characters
 * @param compound the mention's sentiment score
 * @param engagement total engagement when sampled
 */
public record SampleMention(
    @JsonProperty(required = true) String id, String url, @JsonProperty(required = true) String text,
    double compound, long engagement) {

  /** Longest text kept in a sample: enough for a post, bounded for a message. */
  public static final int MAX_TEXT = 500;

  public SampleMention {
    Fields.requiredText("SampleMention", "id", id);
    Fields.required("SampleMention", "text", text);
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT - 1) + "…";
    }
  }

  public static SampleMention of(MatchedMention matched) {
    Mention m = matched.mention();
    long engagement = m.engagement() == null ? 0 : m.engagement().total();
    return new SampleMention(m.id(), m.url(), m.text(), matched.sentiment().compound(), engagement + m.echoes());
  }
}
