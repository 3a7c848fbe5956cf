package io.nhslistener.streams.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentimentScorerTest {
  private static final SentimentScorer SCORER = SentimentScorer.standard();

  @Test
  void nullAndEmptyAreNeutralZero() {
    assertEquals(new Sentiment(0, SentimentLabel.NEUTRAL), SCORER.score(null));
    assertEquals(new Sentiment(0, SentimentLabel.NEUTRAL), SCORER.score(""));
    assertEquals(SentimentLabel.NEUTRAL, SCORER.score("   \t\n ").label());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I love this, what a wonderful day! | POSITIVE",
      "Worst service ever, I am furious and disgusted | NEGATIVE",
      "Couldn't fault the staff on the ward, thank you all | POSITIVE",
      "My operation was cancelled again and I am still on the waiting list after 18 months | NEGATIVE",
      "Fourteen hours of corridor care in A&E, the department is understaffed and chaotic | NEGATIVE",
      "The nurses went above and beyond, absolutely brilliant care | POSITIVE",
      "Nothing to improve, excellent service | POSITIVE",
      "This is not good at all | NEGATIVE",
      "The board meets on Tuesday to discuss the new car park | NEUTRAL"})
  void clearCasesGetTheirLabel(String text, SentimentLabel expected) {
    assertEquals(expected, SCORER.score(text).label(), text);
  }

  @Test
  void compoundOrdersIntensity() {
    assertTrue(SCORER.score("the care was good").compound() < SCORER.score("the care was AMAZING!!!").compound());
    assertTrue(SCORER.score("the care was bad").compound() > SCORER.score("the care was appalling, disgraceful")
        .compound());
  }

  @Test
  void hugeAndHostileInputNeverThrows() {
    String huge = "terrible ".repeat(200_000);
    Sentiment s = SCORER.score(huge);
    assertEquals(SentimentLabel.NEGATIVE, s.label());
    String controls = "\u0000\u0001\u0007 good \u001B[31m \u202E \uFEFF \uD800 \uDC00 \uDBFF\uDFFF";
    assertTrue(Math.abs(SCORER.score(controls).compound()) <= 1);
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      char[] chars = new char[random.nextInt(300)];
      for (int c = 0; c < chars.length; c++) {
        chars[c] = (char) random.nextInt(Character.MAX_VALUE + 1);
      }
      double compound = SCORER.score(new String(chars)).compound();
      assertTrue(compound >= -1 && compound <= 1);
    }
  }

  @Test
  void oneInstanceIsSafeAcrossThreads() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      texts.add(i % 3 == 0 ? "not bad at all " + i : i % 3 == 1 ? "awful wait in A&E " + i : "lovely staff :) " + i);
    }
    List<Sentiment> expected = texts.stream().map(SCORER::score).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Sentiment>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> texts.stream().map(SCORER::score).toList()));
      }
      for (Future<List<Sentiment>> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void standardIsLoadedOnce() {
    assertTrue(SentimentScorer.standard() == SentimentScorer.standard());
  }
}
