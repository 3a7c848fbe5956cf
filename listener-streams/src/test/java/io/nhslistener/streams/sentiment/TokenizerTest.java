package io.nhslistener.streams.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenizerTest {
  private final Tokenizer tokenizer = new Tokenizer(hash -> hash == TermHash.of(":-)"));
  private final Tokens tokens = new Tokens();

  @Test
  void splitsWordsAtPunctuationKeepingInnerJoiners() {
    tokenizer.tokenize("Waited 4 hours in A&E,no follow-up. Couldn't", tokens);
    assertHashes("waited", "0", "hours", "in", "a&e", "no", "follow-up", "couldn't");
    assertTrue(tokens.has(5, Tokens.CLAUSE_START), "the comma starts a clause");
    assertTrue(tokens.has(7, Tokens.ENDS_NT));
  }

  @Test
  void foldsCaseDigitsAndCurlyApostrophes() {
    tokenizer.tokenize("GREAT I don\u2019t 2024", tokens);
    assertHashes("great", "i", "don't", "0000");
    assertTrue(tokens.has(0, Tokens.UPPER));
    assertFalse(tokens.has(1, Tokens.UPPER), "a single letter is not shouting");
  }

  @Test
  void keepsKnownEmoticonsWholeAndSplitsEmoji() {
    tokenizer.tokenize("nice :-) wow\uD83D\uDE0D\uD83C\uDFFD!", tokens);
    assertEquals(4, tokens.size());
    assertEquals(TermHash.of(":-)"), tokens.hash(1));
    assertEquals(Tokenizer.codePointHash(0x1F60D), tokens.hash(3));
    assertEquals(1, tokens.exclamations());
  }

  @Test
  void skipsLinksAndCountsQuestionMarks() {
    tokenizer.tokenize("why?? http://x.org/a?b", tokens);
    assertHashes("why");
    assertEquals(2, tokens.questions());
  }

  @Test
  void readsOnlyTheFirstCharacters() {
    tokenizer.tokenize("a ".repeat(Tokenizer.MAX_CHARS), tokens);
    assertEquals(Tokenizer.MAX_CHARS / 2, tokens.size());
  }

  private void assertHashes(String... words) {
    assertEquals(words.length, tokens.size());
    for (int i = 0; i < words.length; i++) {
      assertEquals(TermHash.of(words[i]), tokens.hash(i), words[i]);
    }
  }
}
