package io.nhslistener.streams.sentiment;

/**
 * VADER's rules (Hutto and Gilbert, ICWSM 2014) over lexicon units: boosters and dampeners up to three units back,
 * negation (x -0.74) including "no" and "least", ALL-CAPS emphasis when the text is not all caps, contrastive "but"
 * (x0.5 before, x1.5 after), exclamation and question-mark emphasis, and the normalisation x / sqrt(x^2 + 15).
 * Constants are VADER's. Stateless: all state lives in the caller's buffers.
 */
final class ValenceRules {
  private static final double CAPS_BOOST = 0.733;
  private static final double NEGATION = -0.74;
  private static final double NORMALISATION_ALPHA = 15;

  private static final long NO = TermHash.of("no");
  private static final long BUT = TermHash.of("but");
  private static final long NEVER = TermHash.of("never");
  private static final long SO = TermHash.of("so");
  private static final long THIS = TermHash.of("this");
  private static final long WITHOUT = TermHash.of("without");
  private static final long DOUBT = TermHash.of("doubt");
  private static final long LEAST = TermHash.of("least");
  private static final long AT = TermHash.of("at");
  private static final long VERY = TermHash.of("very");
  private static final long OR = TermHash.of("or");
  private static final long NOR = TermHash.of("nor");

  private final TermTable table;

  ValenceRules(Lexicon lexicon) {
    this.table = lexicon.table();
  }

  void score(Tokens tokens, Units units, RuleScore out) {
    out.clear();
    resolve(tokens);
    group(tokens, units);
    boolean capsDiffer = capsDiffer(units);
    int butAt = -1;
    for (int i = 0; i < units.size(); i++) {
      if (butAt < 0 && units.hash(i) == BUT) {
        butAt = i;
      }
      units.sentiment(i, valence(units, i, capsDiffer, out));
    }
    double sum = contrast(units, butAt, out);
    if (sum != 0) {
      sum += Math.copySign(punctuationEmphasis(tokens), sum);
    }
    out.compound = normalise(sum);
  }

  static double normalise(double score) {
    double n = score / Math.sqrt(score * score + NORMALISATION_ALPHA);
    return Math.max(-1, Math.min(1, n));
  }

  /** Looks every token up once; an elongated word not in the lexicon tries its squeezed forms. */
  private void resolve(Tokens tokens) {
    for (int t = 0; t < tokens.size(); t++) {
      long hash = tokens.hash(t);
      int slot = table.find(hash);
      if (slot < 0 && tokens.has(t, Tokens.ELONGATED)) {
        hash = tokens.squeezedTwo(t);
        slot = table.find(hash);
        if (slot < 0) {
          hash = tokens.squeezedOne(t);
          slot = table.find(hash);
        }
      }
      tokens.resolve(t, slot, slot < 0 ? tokens.hash(t) : hash);
    }
  }

  /** Merges tokens into units, preferring the longest lexicon phrase; phrases never span clause punctuation. */
  private void group(Tokens tokens, Units units) {
    units.clear();
    int t = 0;
    while (t < tokens.size()) {
      long hash = tokens.hash(t);
      int slot = tokens.slot(t);
      long bestHash = hash;
      int bestSlot = slot;
      int bestEnd = t;
      long phrase = hash;
      int flags = table.flags(slot);
      for (int u = t + 1; (flags & TermTable.PREFIX) != 0 && u < tokens.size() && u - t < Lexicon.MAX_PHRASE_TOKENS; u++) {
        if (tokens.has(u, Tokens.CLAUSE_START)) {
          break;
        }
        phrase = TermHash.then(phrase, tokens.hash(u));
        int phraseSlot = table.find(phrase);
        flags = table.flags(phraseSlot);
        if ((flags & (TermTable.VALENCE | TermTable.BOOSTER | TermTable.NEGATOR)) != 0) {
          bestHash = phrase;
          bestSlot = phraseSlot;
          bestEnd = u;
        }
      }
      int unitFlags = tokens.has(t, Tokens.CLAUSE_START) ? Tokens.CLAUSE_START : 0;
      if (tokens.has(t, Tokens.UPPER) && tokens.has(bestEnd, Tokens.UPPER)) {
        unitFlags |= Tokens.UPPER;
      }
      if (bestEnd == t && tokens.has(t, Tokens.ENDS_NT)) {
        unitFlags |= Tokens.ENDS_NT;
      }
      units.add(bestHash, bestSlot, unitFlags);
      t = bestEnd + 1;
    }
  }

  /** VADER applies caps emphasis only when some, but not all, words are in caps. */
  private static boolean capsDiffer(Units units) {
    int upper = 0;
    for (int i = 0; i < units.size(); i++) {
      if (units.has(i, Tokens.UPPER)) {
        upper++;
      }
    }
    return upper > 0 && upper < units.size();
  }

  private double valence(Units units, int i, boolean capsDiffer, RuleScore out) {
    int slot = units.slot(i);
    int flags = table.flags(slot);
    if ((flags & TermTable.VALENCE) == 0 || (flags & TermTable.BOOSTER) != 0) {
      return 0;
    }
    double lexical = table.valence(slot);
    double v = lexical;
    // "no" before a sentiment word is a negator, not a sentiment of its own.
    if (units.hash(i) == NO && i + 1 < units.size() && hasValence(units, i + 1)) {
      v = 0;
    }
    if (isHash(units, i - 1, NO) || isHash(units, i - 2, NO)
        || (isHash(units, i - 3, NO) && (isHash(units, i - 1, OR) || isHash(units, i - 1, NOR)))) {
      v = lexical * NEGATION;
      out.negated++;
    }
    if (v != 0 && capsDiffer && units.has(i, Tokens.UPPER)) {
      v += Math.copySign(CAPS_BOOST, v);
      out.shouted++;
    }
    // Look back up to three units, but not past a clause break or another sentiment word: VADER looks past both, so
    // "don't care, don't care" flipped the second "care" twice.
    for (int back = 1; back <= 3 && i - back >= 0 && !units.has(i - back + 1, Tokens.CLAUSE_START); back++) {
      int j = i - back;
      if (hasValence(units, j)) {
        break;
      }
      double scalar = boosterScalar(units, j, v, capsDiffer);
      v += back == 1 ? scalar : back == 2 ? scalar * 0.95 : scalar * 0.9;
      v = negation(units, i, back, v, out);
    }
    return least(units, i, v, out);
  }

  private double boosterScalar(Units units, int j, double valence, boolean capsDiffer) {
    int slot = units.slot(j);
    if ((table.flags(slot) & TermTable.BOOSTER) == 0) {
      return 0;
    }
    double scalar = table.booster(slot);
    if (valence < 0) {
      scalar = -scalar;
    }
    if (capsDiffer && units.has(j, Tokens.UPPER)) {
      scalar += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
    }
    return scalar;
  }

  /** VADER's _negation_check for the unit {@code back} places before {@code i}. */
  private double negation(Units units, int i, int back, double v, RuleScore out) {
    if (back >= 2) {
      boolean neverSo = isHash(units, i - back, NEVER)
          && (isSoOrThis(units, i - 1) || (back == 3 && isSoOrThis(units, i - 2)));
      if (neverSo) {
        return v * 1.25;
      }
      boolean withoutDoubt = isHash(units, i - back, WITHOUT)
          && (isHash(units, i - 1, DOUBT) || (back == 3 && isHash(units, i - 2, DOUBT)));
      if (withoutDoubt) {
        return v;
      }
    }
    if (isNegator(units, i - back)) {
      out.negated++;
      return v * NEGATION;
    }
    return v;
  }

  private double least(Units units, int i, double v, RuleScore out) {
    if (i < 1 || units.hash(i - 1) != LEAST || hasValence(units, i - 1)) {
      return v;
    }
    if (i >= 2 && (units.hash(i - 2) == AT || units.hash(i - 2) == VERY)) {
      return v;
    }
    out.negated++;
    return v * NEGATION;
  }

  /** Applies "but", sums the units and records the parts the learned layer reads. Returns the sum. */
  private double contrast(Units units, int butAt, RuleScore out) {
    out.contrast = butAt >= 0;
    double sum = 0;
    double clause = 0;
    for (int i = 0; i < units.size(); i++) {
      double s = units.sentiment(i);
      if (butAt >= 0 && i != butAt) {
        s *= i < butAt ? 0.5 : 1.5;
        units.sentiment(i, s);
      }
      if (units.has(i, Tokens.CLAUSE_START)) {
        clause = 0;
      }
      clause += s;
      sum += s;
      tally(units.slot(i), s, out);
    }
    out.lastClause = clause;
    return sum;
  }

  private void tally(int slot, double s, RuleScore out) {
    if (s > 0) {
      out.positiveSum += s + 1;
      out.positiveUnits++;
      out.strongestPositive = Math.max(out.strongestPositive, s);
    } else if (s < 0) {
      out.negativeSum += s - 1;
      out.negativeUnits++;
      out.strongestNegative = Math.max(out.strongestNegative, -s);
    } else {
      out.neutralUnits++;
      return;
    }
    int flags = table.flags(slot);
    if ((flags & TermTable.OVERLAY) != 0) {
      if (s > 0) {
        out.overlayPositive += s;
      } else {
        out.overlayNegative -= s;
      }
    } else if ((flags & (TermTable.EMOJI | TermTable.EMOTICON)) != 0) {
      if (s > 0) {
        out.emojiPositive += s;
      } else {
        out.emojiNegative -= s;
      }
    }
  }

  private static double punctuationEmphasis(Tokens tokens) {
    double exclamation = Math.min(tokens.exclamations(), 4) * 0.292;
    int q = tokens.questions();
    double question = q <= 1 ? 0 : q <= 3 ? q * 0.18 : 0.96;
    return exclamation + question;
  }

  private boolean hasValence(Units units, int i) {
    return (table.flags(units.slot(i)) & TermTable.VALENCE) != 0;
  }

  private boolean isNegator(Units units, int i) {
    return units.has(i, Tokens.ENDS_NT) || (table.flags(units.slot(i)) & TermTable.NEGATOR) != 0;
  }

  private static boolean isHash(Units units, int i, long hash) {
    return i >= 0 && units.hash(i) == hash;
  }

  private static boolean isSoOrThis(Units units, int i) {
    return isHash(units, i, SO) || isHash(units, i, THIS);
  }
}
