package io.nhslistener.streams.sentiment;

/**
 * What the VADER-style rules found in one text: the compound score and the parts of it that the learned layer weighs
 * separately. Scratch state, reset by {@link ValenceRules#score}.
 */
final class RuleScore {
  /** VADER's compound: the rule-adjusted valence sum with punctuation emphasis, normalised to -1..1. */
  double compound;
  /** Sum of positive unit sentiments, each plus one (VADER's pos_sum). */
  double positiveSum;
  /** Sum of negative unit sentiments, each minus one (VADER's neg_sum). */
  double negativeSum;
  int neutralUnits;
  int positiveUnits;
  int negativeUnits;
  /** Sentiment units whose sign a negator or "least" flipped. */
  int negated;
  /** Sentiment units emphasised by ALL CAPS. */
  int shouted;
  /** Contrastive "but" present: what follows it outweighs what precedes it. */
  boolean contrast;
  double overlayPositive;
  double overlayNegative;
  double emojiPositive;
  double emojiNegative;
  /** Sum of unit sentiments in the last clause, where feedback often lands its verdict. */
  double lastClause;
  /** The strongest positive unit sentiment (0 if none). */
  double strongestPositive;
  /** The strongest negative unit sentiment, as a magnitude (0 if none). */
  double strongestNegative;

  void clear() {
    compound = 0;
    positiveSum = 0;
    negativeSum = 0;
    neutralUnits = 0;
    positiveUnits = 0;
    negativeUnits = 0;
    negated = 0;
    shouted = 0;
    contrast = false;
    overlayPositive = 0;
    overlayNegative = 0;
    emojiPositive = 0;
    emojiNegative = 0;
    lastClause = 0;
    strongestPositive = 0;
    strongestNegative = 0;
  }
}
