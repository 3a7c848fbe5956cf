package io.nhslistener.ingest.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to plain text for post bodies and feed entries: the text of every element is kept (so {@code @mentions},
 * {@code #hashtags} and links stay as the words they show, including the parts Mastodon hides with
 * {@code class="invisible"}), paragraphs and line breaks become newlines, and markup, scripts and styles go.
 */
public final class HtmlText {
  private HtmlText() {}

  /** Plain text of an HTML fragment; null gives an empty string. */
  public static String toPlainText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html.strip();
    }
    StringBuilder out = new StringBuilder(html.length());
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          out.append(text.getWholeText());
        } else if (node instanceof Element element && element.nameIs("br")) {
          out.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock() && out.length() > 0
            && out.charAt(out.length() - 1) != '\n') {
          out.append('\n');
        }
      }
    }, Jsoup.parseBodyFragment(html).body());
    return tidy(out);
  }

  /** Collapses runs of spaces and of blank lines that markup leaves behind. */
  private static String tidy(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    int newlines = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        newlines++;
        space = false;
      } else if (Character.isWhitespace(c) || c == '\u00a0') {
        space = true;
      } else {
        if (out.length() > 0) {
          if (newlines > 0) {
            out.append(newlines > 1 ? "\n\n" : "\n");
          } else if (space) {
            out.append(' ');
          }
        }
        newlines = 0;
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }
}
