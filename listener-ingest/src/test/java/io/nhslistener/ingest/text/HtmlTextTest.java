package io.nhslistener.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void keepsMentionsHashtagsAndFullLinksAsText() {
    String html = "<p>Thanks <span class=\"h-card\"><a href=\"https://x.social/@ward7\" class=\"u-url mention\">"
        + "@<span>ward7</span></a></span> <a href=\"https://x.social/tags/NHS\" class=\"mention hashtag\">#<span>NHS"
        + "</span></a> <a href=\"https://www.example.org/a/very/long/path\"><span class=\"invisible\">https://www."
        + "</span><span class=\"ellipsis\">example.org/a/very</span><span class=\"invisible\">/long/path</span></a></p>";
    assertEquals("Thanks @ward7 #NHS https://www.example.org/a/very/long/path", HtmlText.toPlainText(html));
  }

  @Test
  void paragraphsAndBreaksBecomeNewlinesEntitiesAreDecoded() {
    assertEquals("one\ntwo\nthree & four", HtmlText.toPlainText("<p>one<br>two</p><p></p><p>three &amp; four</p>"));
  }

  @Test
  void scriptsAndStylesAreNotText() {
    assertEquals("safe", HtmlText.toPlainText("<script>alert(1)</script><style>p{}</style><b>safe</b>"));
  }

  @Test
  void plainTextPassesThrough() {
    assertEquals("no markup here", HtmlText.toPlainText("  no markup here "));
    assertEquals("", HtmlText.toPlainText(null));
  }
}
