package io.nhslistener.core.text;

import java.util.Set;

/**
 * The searchable fields of a mention, as the rule language names them. {@link #TEXT} is the default field of a query;
 * the others are written {@code lang:en}, {@code source:reddit}, {@code domain:bbc.co.uk}.
 */
public final class MentionFields {
  /** The mention's text, analysed as social text: words, {@code #hashtags} and {@code @handles}. */
  public static final String TEXT = "text";
  /** The language the source reported, primary subtag only ({@code en-GB} is {@code en}). */
  public static final String LANG = "lang";
  /** The source type, e.g. {@code mastodon}, {@code reddit}, {@code rss}. */
  public static final String SOURCE = "source";
  /** Every domain linked from the text or the mention's own URL, with its parent domains. */
  public static final String DOMAIN = "domain";

  /** The fields a rule may name. */
  public static final Set<String> QUERYABLE = Set.of(TEXT, LANG, SOURCE, DOMAIN);

  private MentionFields() {}
}
