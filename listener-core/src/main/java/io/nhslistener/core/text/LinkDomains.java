package io.nhslistener.core.text;

import java.util.Locale;

/**
 * Finds the domains a mention links to, for {@link MentionFields#DOMAIN}: the host of every {@code http://},
 * {@code https://} or {@code www.} link in the text, and of the mention's own URL, lower-cased, without {@code www.},
 * each followed by its parent domains down to two labels. So {@code https://www.news.bbc.co.uk/x} yields
 * {@code news.bbc.co.uk bbc.co.uk co.uk}, and {@code domain:bbc.co.uk} matches any subdomain of the BBC.
 *
 * <p>Bare host names without a scheme or {@code www.} ({@code bbc.co.uk/news}) are not recognised: in running text they
 * cannot be told from sentence punctuation reliably. Hosts that are not plain ASCII letters, digits, dots and
 * hyphens are ignored.
 */
public final class LinkDomains {
  private LinkDomains() {}

  /**
   * The space-separated domains of {@code text} and {@code url} (either may be null), in order of appearance, with
   * repeats; empty when there are none.
   */
  public static String of(String text, String url) {
    StringBuilder out = new StringBuilder();
    if (url != null) {
      collect(url, out);
    }
    if (text != null) {
      collect(text, out);
    }
    return out.toString();
  }

  private static void collect(String text, StringBuilder out) {
    int from = 0;
    while (true) {
      int link = nextLink(text, from);
      if (link < 0) {
        return;
      }
      int hostStart = hostStart(text, link);
      int hostEnd = hostStart;
      while (hostEnd < text.length() && isHostChar(text.charAt(hostEnd))) {
        hostEnd++;
      }
      append(text.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT), out);
      from = Math.max(hostEnd, link + 1);
    }
  }

  /** Index of the next link start at or after {@code from}, or -1: one pass, no allocation. */
  private static int nextLink(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == 'h' || c == 'H' || c == 'w' || c == 'W')
          && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
          && (text.regionMatches(true, i, "http://", 0, 7) || text.regionMatches(true, i, "https://", 0, 8)
              || text.regionMatches(true, i, "www.", 0, 4))) {
        return i;
      }
    }
    return -1;
  }

  private static int hostStart(String text, int link) {
    if (text.regionMatches(true, link, "https://", 0, 8)) {
      return link + 8;
    }
    if (text.regionMatches(true, link, "http://", 0, 7)) {
      return link + 7;
    }
    return link;
  }

  private static void append(String host, StringBuilder out) {
    String domain = host;
    while (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1);
    }
    if (domain.startsWith("www.")) {
      domain = domain.substring(4);
    }
    if (domain.indexOf('.') <= 0) {
      return;
    }
    while (domain.indexOf('.') > 0) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(domain);
      domain = domain.substring(domain.indexOf('.') + 1);
    }
  }

  private static boolean isHostChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  }
}
