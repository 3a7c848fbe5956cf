package io.nhslistener.streams.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The VADER-style rule layer alone, through the rule compound (no learned layer). */
class ValenceRulesTest {
  private static final FeaturePipeline PIPELINE = new FeaturePipeline(Lexicon.standard(), 10);

  private static double rules(String text) {
    ScoringBuffers buffers = new ScoringBuffers();
    PIPELINE.run(text, buffers);
    return buffers.rules.compound;
  }

  @Test
  void lexiconWordsCarryTheirValenceNormalised() {
    // "good" is rated 1.9 in VADER: 1.9 / sqrt(1.9^2 + 15).
    assertEquals(1.9 / Math.sqrt(1.9 * 1.9 + 15), rules("good"), 1e-6);
    assertEquals(0, rules("the clinic opens at nine"), 0);
  }

  @Test
  void negationFlipsAndDampsWithinThreeWords() {
    assertEquals(-0.74 * 1.9 / Math.sqrt(Math.pow(0.74 * 1.9, 2) + 15), rules("not good"), 1e-6);
    assertTrue(rules("isn't good") < 0);
    assertTrue(rules("don\u2019t like it") < 0, "curly apostrophe");
    assertTrue(rules("not very good at all") < 0);
    assertTrue(rules("never a good idea") < 0);
    assertTrue(rules("no good") < 0);
  }

  @Test
  void negationStopsAtClauseBreaksAndAtOtherSentimentWords() {
    assertEquals(rules("good"), rules("not today. good"), 1e-9);
    assertTrue(rules("don't care, don't care") < 0, "the second 'care' is negated once, not twice");
  }

  @Test
  void boostersRaiseAndDampenersLowerIntensity() {
    double plain = rules("the food was good");
    assertTrue(rules("the food was very good") > plain);
    assertTrue(rules("the food was extremely good") > plain);
    assertTrue(rules("the food was slightly good") < plain);
    assertTrue(rules("the food was kind of good") < plain, "multi-word dampener");
    assertTrue(rules("the food was very bad") < rules("the food was bad"));
  }

  @Test
  void butShiftsWeightToTheSecondClause() {
    assertTrue(rules("the food was great but the service was awful") < 0);
    assertTrue(rules("the service was awful but the food was great") > 0);
    assertTrue(rules("the food was great but okay") < rules("the food was great and okay"));
  }

  @Test
  void allCapsEmphasisesOnlyWhenOtherWordsAreNotInCaps() {
    assertTrue(rules("the food was GREAT") > rules("the food was great"));
    assertEquals(rules("the food was great"), rules("THE FOOD WAS GREAT"), 1e-9);
    assertTrue(rules("the food was VERY good") > rules("the food was very good"), "capitalised booster");
  }

  @Test
  void exclamationMarksAddEmphasisUpToFour() {
    assertTrue(rules("great!") > rules("great"));
    assertTrue(rules("great!!!") > rules("great!"));
    assertEquals(rules("great!!!!"), rules("great!!!!!!!!"), 1e-9);
    assertTrue(rules("awful!!!") < rules("awful"));
    assertEquals(0, rules("the bus is here!!!"), 0, "no sentiment, nothing to emphasise");
  }

  @Test
  void emojiAndEmoticonsCarrySentiment() {
    assertTrue(rules("lunch \uD83D\uDE0D") > 0, "heart eyes");
    assertTrue(rules("lunch\uD83D\uDE21") < 0, "angry face glued to a word");
    assertTrue(rules("results \uD83D\uDC4D\uD83C\uDFFD") > 0, "thumbs up with a skin tone");
    assertTrue(rules("results \u2764\uFE0F") > 0, "heart with variation selector");
    assertTrue(rules("home at last :)") > 0);
    assertTrue(rules("missed the bus :(") < 0);
    assertTrue(rules("missed the bus :(.") < 0, "trailing full stop");
  }

  @Test
  void idiomsAreScoredAsWholes() {
    assertTrue(rules("feeling under the weather") < 0);
    assertTrue(rules("this song is the bomb") > 0);
    assertTrue(rules("yeah right") < 0);
    assertTrue(rules("she has the upper hand") > 0);
  }

  @Test
  void domainOverlayReadsNhsTalk() {
    assertTrue(rules("Nothing to improve.") > 0.5, "VADER alone reads this as a negated 'improve'");
    assertTrue(rules("couldn't fault the staff") > rules("could fault the staff"));
    assertTrue(rules("couldn't be improved") > 0);
    assertTrue(rules("my operation was cancelled") < 0);
    assertTrue(rules("corridor care again tonight") < 0);
    assertTrue(rules("the ward is understaffed") < 0);
    assertTrue(rules("still on the waiting list") < 0);
    assertTrue(rules("the nurses went above and beyond") > 0.5);
    assertTrue(rules("could be improved") < 0);
  }

  @Test
  void phrasesDoNotSpanPunctuation() {
    assertEquals(rules("waiting"), rules("waiting. list"), 1e-9);
  }

  @Test
  void linksAreIgnored() {
    assertEquals(rules("great news"), rules("great news https://example.org/awful-bad-terrible"), 1e-9);
  }
}
