package io.nhslistener.streams.sentiment;

import java.util.List;

/**
 * Turns a text's rule score and tokens into the learned layer's features: a few dense features from the VADER-style
 * rules, then signed hashed unigrams (marked when inside a negation's scope) and bigrams. The hashed part is scaled to
 * unit length so long feedback and short tweets weigh alike. Stateless.
 */
final class FeatureEncoder {
  /** Names of the dense features, in index order; the model file lists them so a mismatch fails at load. */
  static final List<String> DENSE = List.of(
      "bias", "compound", "positive_sum", "negative_sum", "positive_share", "negative_share", "negated", "shouted",
      "contrast", "overlay_positive", "overlay_negative", "emoji_positive", "emoji_negative", "last_clause",
      "exclamations", "questions", "length", "no_sentiment", "care", "care_compound", "care_positive",
      "care_negative", "strongest_positive", "strongest_negative");

  private static final long NEGATED_SALT = 0x5DEECE66DL;
  private static final long BIGRAM_SALT = 0x2545F4914F6CDD1DL;

  private final TermTable table;
  private final int hashBits;

  FeatureEncoder(Lexicon lexicon, int hashBits) {
    if (hashBits < 1 || hashBits > 24) {
      throw new IllegalArgumentException("hash bits must be in 1..24, was " + hashBits);
    }
    this.table = lexicon.table();
    this.hashBits = hashBits;
  }

  /** Number of weights per class for a model with {@code hashBits} hash bits: the dense features, then the buckets. */
  static int dimension(int hashBits) {
    return DENSE.size() + (1 << hashBits);
  }

  /** Writes the dense features in {@link #DENSE} order, then the hashed ones. */
  void encode(Tokens tokens, Units units, RuleScore rules, Features out) {
    out.clear();
    // Valences are on VADER's -4..4 scale: sums are squashed with tanh so that a long list of praise saturates.
    double positive = Math.tanh(rules.positiveSum / 4);
    double negative = Math.tanh(-rules.negativeSum / 4);
    double unitCount = Math.max(1, units.size());
    double care = careContext(tokens);
    int f = 0;
    out.add(f++, 1);
    out.add(f++, rules.compound);
    out.add(f++, positive);
    out.add(f++, negative);
    out.add(f++, rules.positiveUnits / unitCount);
    out.add(f++, rules.negativeUnits / unitCount);
    out.add(f++, rules.negated > 0 ? 1 : 0);
    out.add(f++, rules.shouted > 0 ? 1 : 0);
    out.add(f++, rules.contrast ? 1 : 0);
    out.add(f++, Math.tanh(rules.overlayPositive / 3));
    out.add(f++, Math.tanh(rules.overlayNegative / 3));
    out.add(f++, Math.tanh(rules.emojiPositive / 3));
    out.add(f++, Math.tanh(rules.emojiNegative / 3));
    out.add(f++, ValenceRules.normalise(rules.lastClause));
    out.add(f++, Math.min(tokens.exclamations(), 3) / 3.0);
    out.add(f++, Math.min(tokens.questions(), 3) / 3.0);
    out.add(f++, Math.log1p(tokens.size()) / 5);
    out.add(f++, rules.positiveUnits + rules.negativeUnits == 0 ? 1 : 0);
    // Interactions with the care context let one model serve two conventions: tweets and patient feedback.
    out.add(f++, care);
    out.add(f++, care * rules.compound);
    out.add(f++, care * positive);
    out.add(f++, care * negative);
    out.add(f++, rules.strongestPositive / 4);
    out.add(f++, rules.strongestNegative / 4);
    assert f == DENSE.size() : "dense features out of step with DENSE";
    hashed(tokens, out);
  }

  /** 0 without care words, 1 from two on. */
  private double careContext(Tokens tokens) {
    int care = 0;
    for (int i = 0; i < tokens.size() && care < 2; i++) {
      if ((table.flags(tokens.slot(i)) & TermTable.CARE_CONTEXT) != 0) {
        care++;
      }
    }
    return care / 2.0;
  }

  private void hashed(Tokens tokens, Features out) {
    int bigrams = 0;
    for (int i = 1; i < tokens.size(); i++) {
      bigrams += tokens.has(i, Tokens.CLAUSE_START) ? 0 : 1;
    }
    double scale = 1 / Math.sqrt(Math.max(1, tokens.size() + bigrams));
    boolean negatedScope = false;
    long previous = 0;
    for (int i = 0; i < tokens.size(); i++) {
      long hash = tokens.squeezedTwo(i);
      boolean clauseStart = tokens.has(i, Tokens.CLAUSE_START);
      if (clauseStart) {
        negatedScope = false;
      }
      addHashed(negatedScope ? hash ^ NEGATED_SALT : hash, scale, out);
      if (i > 0 && !clauseStart) {
        addHashed(TermHash.then(previous, hash) ^ BIGRAM_SALT, scale, out);
      }
      if (tokens.has(i, Tokens.ENDS_NT) || (table.flags(tokens.slot(i)) & TermTable.NEGATOR) != 0) {
        negatedScope = true;
      }
      previous = hash;
    }
  }

  /** Feature hashing with a sign bit, so colliding features cancel on average instead of adding up. */
  private void addHashed(long key, double scale, Features out) {
    long h = TermHash.mix(key);
    int bucket = (int) (h & ((1L << hashBits) - 1));
    out.add(DENSE.size() + bucket, (h >>> 63) == 0 ? scale : -scale);
  }
}
