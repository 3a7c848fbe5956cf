package io.nhslistener.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SocialTextAnalyzerTest {
  private final SocialTextAnalyzer analyzer = new SocialTextAnalyzer();

  private List<String> text(String input) {
    return analyzer.terms(MentionFields.TEXT, input);
  }

  @Test
  void hashtagsAndHandlesAreTokensOfTheirOwnDistinctFromTheWord() {
    assertEquals(List.of("#nhs", "and", "nhs", "thank", "@nhsengland"),
        text("#NHS and NHS: thank @NHSEngland!"));
  }

  @Test
  void foldsCaseAndDiacriticsAndStripsPossessives() {
    assertEquals(List.of("cafe", "at", "st", "thomas", "trust", "is", "naive"),
        text("Café at St Thomas' Trust’s is naïve"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "don't|don't",
      "don’t|don't",
      "A&E|a&e",
      "C#|c",
      "bob@example|bob,example",
      "follow-up|follow,up",
      "#NHS75.|#nhs75",
      "'quoted'|quoted",
  })
  void wordShapes(String input, String expected) {
    assertEquals(List.of(expected.split(",")), text(input));
  }

  @Test
  void linksProduceNoTextTokens() {
    assertEquals(List.of("read", "this", "now"),
        text("read https://www.bbc.co.uk/news/health-123 this www.example.org/ward now"));
  }

  @Test
  void qualifiedHandleIsFollowedByItsBareFormAtTheSamePosition() throws IOException {
    List<String> seen = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(MentionFields.TEXT, "hi @trust.bsky.social. and @a@mastodon.social")) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        seen.add(term + "/" + inc.getPositionIncrement() + "/" + type.type());
      }
      stream.end();
    }
    assertEquals(List.of("hi/1/<WORD>", "@trust.bsky.social/1/<HANDLE>", "@trust/0/<HANDLE>", "and/1/<WORD>",
        "@a@mastodon.social/1/<HANDLE>", "@a/0/<HANDLE>"), seen);
  }

  @Test
  void offsetsPointIntoTheOriginalText() throws IOException {
    String input = "Leeds’ #A&E @LTHT";
    List<String> slices = new ArrayList<>();
    try (SocialTokenizer tokenizer = new SocialTokenizer()) {
      tokenizer.setReader(new StringReader(input));
      OffsetAttribute offsets = tokenizer.addAttribute(OffsetAttribute.class);
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        slices.add(input.substring(offsets.startOffset(), offsets.endOffset()));
      }
      tokenizer.end();
      assertEquals(input.length(), offsets.endOffset());
    }
    assertEquals(List.of("Leeds", "#A", "E", "@LTHT"), slices);
  }

  @Test
  void overlongTokensAreDropped() {
    String longWord = "x".repeat(SocialTokenizer.MAX_TOKEN_CHARS + 1);
    assertEquals(List.of("before", "after"), text("before " + longWord + " after"));
  }

  @Test
  void keywordFieldsAreLowerCasedWords() {
    assertEquals(List.of("bbc.co.uk", "co.uk"), analyzer.terms(MentionFields.DOMAIN, "BBC.co.uk co.uk"));
    assertEquals(List.of("en"), analyzer.terms(MentionFields.LANG, "EN"));
  }

  @Test
  void normalisationOfWildcardTermsFoldsCaseAndDiacritics() {
    assertEquals("#hopital", analyzer.normalize(MentionFields.TEXT, "#Hôpital").utf8ToString());
  }
}
