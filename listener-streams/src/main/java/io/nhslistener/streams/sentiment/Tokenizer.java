package io.nhslistener.streams.sentiment;

import java.util.function.LongPredicate;

/**
 * Splits short text into word, emoticon and emoji tokens without regular expressions or per-token strings.
 *
 * <p>A whitespace-separated chunk that is a known emoticon (":-)", "&lt;3") stays whole; anything else splits into
 * words at punctuation, keeping inner apostrophes, hyphens and ampersands ("couldn't", "follow-up", "A&amp;E"). Words
 * are lower-cased with digits folded to 0, so "3 hours" and "4 hours" share features. Each emoji is a token of its
 * own even when glued to a word. Links are skipped. Only the first {@link #MAX_CHARS} characters are read, which bounds
 * the cost of pathological input.
 */
final class Tokenizer {
  /** Longer text is cut here: sentiment of a post is settled long before, and the cost stays bounded. */
  static final int MAX_CHARS = 4_000;

  private static final LongPredicate NO_EMOTICONS = hash -> false;

  private final LongPredicate isEmoticon;

  /** @param isEmoticon tells whether the hash of a lower-cased whitespace-separated chunk is a known emoticon */
  Tokenizer(LongPredicate isEmoticon) {
    this.isEmoticon = isEmoticon;
  }

  /** A tokenizer that knows no emoticons: used to split lexicon phrases into the same tokens text produces. */
  static Tokenizer wordsOnly() {
    return new Tokenizer(NO_EMOTICONS);
  }

  void tokenize(String text, Tokens out) {
    out.clear();
    if (text == null) {
      return;
    }
    int n = Math.min(text.length(), MAX_CHARS);
    boolean clauseBreak = false;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        // A line break ends a clause: feedback forms often list points one per line without punctuation.
        clauseBreak |= c == '\n';
        i++;
        continue;
      }
      int end = i;
      while (end < n && !isSpace(text.charAt(end))) {
        end++;
      }
      clauseBreak = chunk(text, i, end, out, clauseBreak);
      i = end;
    }
  }

  /** Tokenizes one whitespace-free chunk; returns whether a clause break is pending after it. */
  private boolean chunk(String text, int start, int end, Tokens out, boolean clauseBreak) {
    if (isLink(text, start, end)) {
      return clauseBreak;
    }
    int trimmed = trimTrailingPunctuation(text, start, end);
    if (hasSymbol(text, start, trimmed)) {
      long hash = lowerHash(text, start, trimmed);
      if (isEmoticon.test(hash)) {
        out.add(hash, clauseBreak ? Tokens.CLAUSE_START : 0);
        countPunctuation(text, trimmed, end, out);
        return trimmed < end;
      }
    }
    return words(text, start, end, out, clauseBreak);
  }

  private static boolean words(String text, int start, int end, Tokens out, boolean clauseBreakIn) {
    boolean clauseBreak = clauseBreakIn;
    Word word = new Word();
    int i = start;
    while (i < end) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      if (cp == '\\') {
        int escaped = unicodeEscape(text, i, end);
        if (escaped >= 0) {
          // Some sources (and TweetEval) carry JSON escapes such as "don\u2019t" as literal text.
          cp = escaped;
          width = 6;
        }
      }
      if (Character.isLetterOrDigit(cp)) {
        word.append(normalise(cp), Character.isLetter(cp), Character.isLowerCase(cp), Character.isUpperCase(cp));
      } else if (word.length > 0 && isJoiner(cp) && i + width < end
          && Character.isLetterOrDigit(text.codePointAt(i + width))) {
        word.append(cp == '&' || cp == '-' ? (char) cp : '\'', false, false, false);
      } else {
        if (word.length > 0) {
          word.emit(out, clauseBreak);
          clauseBreak = false;
        }
        if (isEmoji(cp)) {
          out.add(codePointHash(cp), clauseBreak ? Tokens.CLAUSE_START : 0);
          clauseBreak = false;
        } else {
          clauseBreak |= punctuation(cp, out);
        }
      }
      i += width;
    }
    if (word.length > 0) {
      word.emit(out, clauseBreak);
      clauseBreak = false;
    }
    return clauseBreak;
  }

  /** The code point of a literal "\\uXXXX" at {@code i}, or -1. */
  private static int unicodeEscape(String text, int i, int end) {
    if (i + 6 > end || text.charAt(i + 1) != 'u') {
      return -1;
    }
    int value = 0;
    for (int k = i + 2; k < i + 6; k++) {
      int digit = Character.digit(text.charAt(k), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  /** The word being read: its hashes (plain and elongation-squeezed), shape and last characters. */
  private static final class Word {
    long hash = TermHash.start();
    long squeezedTwo = TermHash.start();
    long squeezedOne = TermHash.start();
    int length;
    int letters;
    int run;
    boolean elongated;
    boolean lower;
    boolean upper;
    char last;
    char beforeLast;

    void append(char c, boolean letter, boolean isLower, boolean isUpper) {
      run = c == last ? run + 1 : 1;
      hash = TermHash.add(hash, c);
      if (run <= 2) {
        squeezedTwo = TermHash.add(squeezedTwo, c);
      }
      if (run == 1) {
        squeezedOne = TermHash.add(squeezedOne, c);
      }
      elongated |= run >= 3 && letter;
      length++;
      if (letter) {
        letters++;
        lower |= isLower;
        upper |= isUpper;
      }
      beforeLast = last;
      last = c;
    }

    /** Adds the word to the tokens and starts afresh. */
    void emit(Tokens out, boolean clauseBreak) {
      int flags = wordFlags(letters, lower, upper, beforeLast, last, clauseBreak);
      if (elongated) {
        out.add(hash, squeezedTwo, squeezedOne, flags | Tokens.ELONGATED);
      } else {
        out.add(hash, flags);
      }
      hash = TermHash.start();
      squeezedTwo = TermHash.start();
      squeezedOne = TermHash.start();
      length = 0;
      letters = 0;
      run = 0;
      elongated = false;
      lower = false;
      upper = false;
      last = 0;
      beforeLast = 0;
    }
  }

  private static int wordFlags(int letters, boolean lower, boolean upper, char beforeLast, char last, boolean clause) {
    int flags = clause ? Tokens.CLAUSE_START : 0;
    if (letters >= 2 && upper && !lower) {
      flags |= Tokens.UPPER;
    }
    if (beforeLast == '\'' && last == 't') {
      flags |= Tokens.ENDS_NT;
    }
    return flags;
  }

  /** Counts '!' and '?'; returns whether the character ends a clause. */
  private static boolean punctuation(int cp, Tokens out) {
    switch (cp) {
      case '!':
        out.countExclamation();
        return true;
      case '?':
        out.countQuestion();
        return true;
      case '.': case ',': case ';': case ':': case '(': case ')': case '[': case ']': case '"': case '\u201C':
      case '\u201D': case '\u2026': case '\u2013': case '\u2014':
        return true;
      default:
        return false;
    }
  }

  private static void countPunctuation(String text, int start, int end, Tokens out) {
    for (int i = start; i < end; i++) {
      punctuation(text.charAt(i), out);
    }
  }

  /** Lower case, digits folded to '0', and characters outside the basic plane folded to one char (they are rare in words). */
  private static char normalise(int cp) {
    if (Character.isDigit(cp)) {
      return '0';
    }
    int lower = Character.toLowerCase(cp);
    return lower <= Character.MAX_VALUE ? (char) lower : (char) (lower & 0xFFFF);
  }

  static long codePointHash(int cp) {
    long h = TermHash.start();
    if (Character.isBmpCodePoint(cp)) {
      return TermHash.add(h, (char) cp);
    }
    return TermHash.add(TermHash.add(h, Character.highSurrogate(cp)), Character.lowSurrogate(cp));
  }

  private static long lowerHash(String text, int start, int end) {
    long h = TermHash.start();
    for (int i = start; i < end; i++) {
      h = TermHash.add(h, Character.toLowerCase(text.charAt(i)));
    }
    return h;
  }

  private static int trimTrailingPunctuation(String text, int start, int end) {
    int e = end;
    while (e - start > 2 && isTrailingPunctuation(text.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  private static boolean isTrailingPunctuation(char c) {
    return c == '.' || c == ',' || c == '!' || c == '?' || c == ';';
  }

  private static boolean hasSymbol(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLink(String text, int start, int end) {
    return end - start > 7 && (text.startsWith("http://", start) || text.startsWith("https://", start));
  }

  private static boolean isJoiner(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '-' || cp == '&';
  }

  /** Pictographs and other symbols; skin-tone modifiers, joiners and variation selectors are not (they are skipped). */
  static boolean isEmoji(int cp) {
    if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
      return false;
    }
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || Character.getType(cp) == Character.OTHER_SYMBOL;
  }

  private static boolean isSpace(char c) {
    return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
