package io.nhslistener.ingest.x;

import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filtered stream's rules, derived from plain keywords: each keyword or phrase becomes a quoted term, and terms are
 * packed into as few {@code ("a" OR "b" …)} rules as X's rule length allows. The stream then over-delivers a little
 * (no AND/NOT), and the streams stage applies the exact watch rules.
 */
public final class XRules {
  /** A rule length every access level that offers the filtered stream accepts (higher levels allow longer). */
  public static final int MAX_RULE_LENGTH = 512;
  /** Tag on every rule this listener manages; rules with other tags are left alone. */
  public static final String TAG = "nhs-listener";

  private static final Pattern TERM = Pattern.compile("\"([^\"]+)\"|([\\p{L}\\p{N}][\\p{L}\\p{N}_'-]*)");
  private static final Set<String> OPERATORS = Set.of("and", "or", "not", "near");

  private XRules() {}

  /** Plain keywords and phrases of watch rules' queries, without boolean operators or {@code field:value} filters. */
  public static List<String> keywords(Collection<Watch> watches) {
    Set<String> keywords = new LinkedHashSet<>();
    for (Watch watch : watches) {
      for (WatchRule rule : watch.rules()) {
        Matcher matcher = TERM.matcher(rule.query());
        boolean fieldValue = false;
        while (matcher.find()) {
          String phrase = matcher.group(1);
          String word = matcher.group(2);
          int end = matcher.end();
          boolean fieldName = end < rule.query().length() && rule.query().charAt(end) == ':';
          if (fieldValue) {
            fieldValue = false;
          } else if (fieldName) {
            fieldValue = true;
          } else if (phrase != null) {
            keywords.add(phrase.trim());
          } else if (!OPERATORS.contains(word.toLowerCase(Locale.ROOT))) {
            keywords.add(word);
          }
        }
      }
    }
    return List.copyOf(keywords);
  }

  /**
   * Packs keywords into rule values of at most {@link #MAX_RULE_LENGTH} characters.
   *
   * @throws IllegalArgumentException when one keyword alone is too long for a rule
   */
  public static List<String> ruleValues(List<String> keywords) {
    List<String> rules = new ArrayList<>();
    StringBuilder rule = new StringBuilder();
    for (String keyword : keywords) {
      String term = '"' + keyword.replace("\"", "") + '"';
      if (term.length() + 2 > MAX_RULE_LENGTH) {
        throw new IllegalArgumentException("keyword too long for an X rule: " + keyword.length() + " characters");
      }
      if (rule.length() > 0 && rule.length() + term.length() + 5 > MAX_RULE_LENGTH) {
        rules.add(close(rule));
        rule.setLength(0);
      }
      rule.append(rule.length() == 0 ? "(" : " OR ").append(term);
    }
    if (rule.length() > 0) {
      rules.add(close(rule));
    }
    return rules;
  }

  private static String close(StringBuilder rule) {
    return rule + ")";
  }
}
