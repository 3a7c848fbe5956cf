package io.nhslistener.core.privacy;

import java.util.Arrays;

/**
 * Removes personal identifiers from free text before it is stored: NHS numbers, UK phone numbers, e-mail addresses and
 * UK postcodes are replaced by {@link #NHS_NUMBER}, {@link #PHONE}, {@link #EMAIL} and {@link #POSTCODE}.
 *
 * <p>What is recognised, each only as a whole token (not inside a longer run of letters or digits):
 * <ul>
 *   <li>NHS numbers: ten digits, plain ({@code 9434765919}) or spaced 3-3-4 with spaces or hyphens
 *       ({@code 943 476 5919}), and only when the Modulus 11 check digit is right; other ten-digit numbers are left
 *       alone.
 *   <li>UK phone numbers: {@code 0} followed by ten digits, {@code +44} or {@code 0044} followed by ten digits
 *       (optionally with {@code (0)}), with spaces, hyphens, dots or brackets between digits. The first digit after
 *       the trunk prefix must be one of 1, 2, 3, 5, 7, 8, 9. Limit: the few nine-digit geographic numbers are not
 *       recognised.
 *   <li>E-mail addresses: {@code local@domain.tld}; a fediverse handle {@code @user@host.tld} contains one and loses it.
 *   <li>UK postcodes: the six outward forms (A9, A99, AA9, AA99, A9A, AA9A), an optional space and the inward part
 *       (digit and two letters other than C, I, K, M, O, V), in either case.
 * </ul>
 *
 * <p>A hand-written single pass: this runs on every ingested post, so text with nothing to redact is returned as the
 * same instance without allocating. Stateless and thread-safe.
 */
public final class Redactor {
  public static final String NHS_NUMBER = "[nhs-number]";
  public static final String PHONE = "[phone]";
  public static final String EMAIL = "[email]";
  public static final String POSTCODE = "[postcode]";

  private static final String[] REPLACEMENTS = {NHS_NUMBER, PHONE, EMAIL, POSTCODE};
  private static final int KIND_NHS = 0;
  private static final int KIND_PHONE = 1;
  private static final int KIND_EMAIL = 2;
  private static final int KIND_POSTCODE = 3;
  private static final int NO_MATCH = -1;

  private Redactor() {}

  /**
   * The text with every recognised identifier replaced.
   *
   * @param text any text; null gives null
   * @return {@code text} itself when nothing was found
   */
  public static String redact(String text) {
    if (text == null || !mayHoldIdentifier(text)) {
      return text;
    }
    Spans spans = null;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '@') {
        int start = emailStart(text, i);
        int end = start < 0 ? NO_MATCH : emailEnd(text, i);
        if (end != NO_MATCH) {
          spans = Spans.add(spans, start, end, KIND_EMAIL);
          i = end;
        } else {
          i++;
        }
        continue;
      }
      if (i > 0 && isWordChar(text.charAt(i - 1))) {
        i++;
        continue;
      }
      int end = NO_MATCH;
      int kind = KIND_NHS;
      if (isDigit(c) || c == '+' || c == '(') {
        end = nhsNumberEnd(text, i);
        if (end == NO_MATCH) {
          end = phoneEnd(text, i);
          kind = KIND_PHONE;
        }
      } else if (isLetter(c)) {
        end = postcodeEnd(text, i);
        kind = KIND_POSTCODE;
      }
      if (end != NO_MATCH) {
        spans = Spans.add(spans, i, end, kind);
        i = end;
      } else {
        i = skipWord(text, i);
      }
    }
    return spans == null ? text : spans.apply(text);
  }

  /** Every identifier holds a digit or an '@': most posts are cleared by this one tight loop. */
  private static boolean mayHoldIdentifier(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if ((c >= '0' && c <= '9') || c == '@') {
        return true;
      }
    }
    return false;
  }

  // ---- NHS numbers ----

  private static int nhsNumberEnd(String text, int start) {
    int n = text.length();
    boolean spaced;
    int end;
    if (start + 10 <= n && allDigits(text, start, 10)) {
      spaced = false;
      end = start + 10;
    } else if (start + 12 <= n && allDigits(text, start, 3) && isNhsSeparator(text.charAt(start + 3))
        && allDigits(text, start + 4, 3) && text.charAt(start + 7) == text.charAt(start + 3)
        && allDigits(text, start + 8, 4)) {
      spaced = true;
      end = start + 12;
    } else {
      return NO_MATCH;
    }
    if (end < n && isWordChar(text.charAt(end))) {
      return NO_MATCH;
    }
    int sum = 0;
    for (int k = 0; k < 9; k++) {
      sum += digitAt(text, start, k, spaced) * (10 - k);
    }
    return NhsNumbers.checkDigit(sum) == digitAt(text, start, 9, spaced) ? end : NO_MATCH;
  }

  /** The k-th digit of a ten-digit number written plain or as 3-3-4 with one separator between groups. */
  private static int digitAt(String text, int start, int k, boolean spaced) {
    int offset = spaced ? k + (k >= 3 ? 1 : 0) + (k >= 6 ? 1 : 0) : k;
    return text.charAt(start + offset) - '0';
  }

  private static boolean isNhsSeparator(char c) {
    return c == ' ' || c == '-';
  }

  // ---- phone numbers ----

  private static int phoneEnd(String text, int start) {
    int n = text.length();
    int j = start;
    boolean bracketed = text.charAt(j) == '(';
    if (bracketed) {
      j++;
    }
    if (text.startsWith("+44", j) && !bracketed) {
      j = skipTrunkZero(text, j + 3);
    } else if (text.startsWith("0044", j) && !bracketed) {
      j = skipTrunkZero(text, j + 4);
    } else if (j < n && text.charAt(j) == '0') {
      j++;
    } else {
      return NO_MATCH;
    }
    if (j >= n || "1235789".indexOf(text.charAt(j)) < 0) {
      return NO_MATCH;
    }
    int digits = 0;
    while (true) {
      if (j >= n || !isDigit(text.charAt(j))) {
        return NO_MATCH;
      }
      digits++;
      j++;
      if (digits == 10) {
        break;
      }
      j = skipSeparators(text, j);
    }
    return j < n && isWordChar(text.charAt(j)) ? NO_MATCH : j;
  }

  /** Skips the separators after the country code, including the "(0)" some people write after +44. */
  private static int skipTrunkZero(String text, int j) {
    int k = j;
    while (k < text.length() && text.charAt(k) == ' ') {
      k++;
    }
    return text.startsWith("(0)", k) ? skipSeparators(text, k + 3) : skipSeparators(text, j);
  }

  /** Skips up to two separator characters between digit groups, e.g. ") " in "(020) 7946". */
  private static int skipSeparators(String text, int j) {
    int n = text.length();
    for (int k = 0; k < 2 && j < n && " -.()".indexOf(text.charAt(j)) >= 0; k++) {
      j++;
    }
    return j;
  }

  // ---- e-mail addresses ----

  /** Start of the local part ending just before the '@' at {@code at}, or -1 when it is empty. */
  private static int emailStart(String text, int at) {
    int j = at;
    while (j > 0 && isLocalPartChar(text.charAt(j - 1))) {
      j--;
    }
    while (j < at && text.charAt(j) == '.') {
      j++;
    }
    return j == at ? NO_MATCH : j;
  }

  /** End of a domain with at least two labels and an alphabetic top-level label after {@code at}, or -1. */
  private static int emailEnd(String text, int at) {
    int n = text.length();
    int j = at + 1;
    int labels = 0;
    int lastLabelStart = j;
    int end = NO_MATCH;
    while (j < n) {
      int labelStart = j;
      while (j < n && (isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '-')) {
        j++;
      }
      if (j == labelStart) {
        break;
      }
      labels++;
      lastLabelStart = labelStart;
      if (labels >= 2 && isAlphabetic(text, lastLabelStart, j) && j - lastLabelStart >= 2) {
        end = j;
      }
      if (j < n && text.charAt(j) == '.') {
        j++;
      } else {
        break;
      }
    }
    return end;
  }

  private static boolean isLocalPartChar(char c) {
    return isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean isAlphabetic(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!isLetter(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  // ---- postcodes ----

  private static int postcodeEnd(String text, int start) {
    int n = text.length();
    int j = start + 1;
    if (j < n && isLetter(text.charAt(j))) {
      j++;
    }
    if (j >= n || !isDigit(text.charAt(j))) {
      return NO_MATCH;
    }
    j++;
    int end = inwardEnd(text, j);
    if (end == NO_MATCH && j < n && isLetterOrDigit(text.charAt(j))) {
      end = inwardEnd(text, j + 1);
    }
    return end;
  }

  /** End of " 9AA" or "9AA" starting at {@code j}, followed by a non-word character; or -1. */
  private static int inwardEnd(String text, int j) {
    int n = text.length();
    if (j < n && text.charAt(j) == ' ') {
      j++;
    }
    if (j + 3 > n || !isDigit(text.charAt(j)) || !isUnitLetter(text.charAt(j + 1))
        || !isUnitLetter(text.charAt(j + 2))) {
      return NO_MATCH;
    }
    j += 3;
    return j < n && isWordChar(text.charAt(j)) ? NO_MATCH : j;
  }

  private static boolean isUnitLetter(char c) {
    return isLetter(c) && "CIKMOVcikmov".indexOf(c) < 0;
  }

  // ---- characters ----

  private static int skipWord(String text, int i) {
    int n = text.length();
    if (!isWordChar(text.charAt(i))) {
      return i + 1;
    }
    int j = i + 1;
    while (j < n && isWordChar(text.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean allDigits(String text, int from, int count) {
    for (int k = from; k < from + count; k++) {
      if (!isDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isLetterOrDigit(char c) {
    return isDigit(c) || isLetter(c);
  }

  /** Letters and digits of any script: a token boundary is anything else. */
  private static boolean isWordChar(char c) {
    return c < 128 ? isLetterOrDigit(c) || c == '_' : Character.isLetterOrDigit(c);
  }

  /** Found spans in text order, as flat (start, end, kind) triples; created only when something is found. */
  private static final class Spans {
    private int[] data = new int[12];
    private int size;

    static Spans add(Spans spans, int start, int end, int kind) {
      Spans target = spans == null ? new Spans() : spans;
      // An e-mail address is found at its '@', after tokens of its local part may already have matched: drop them.
      int from = start;
      while (target.size > 0 && target.data[target.size - 2] > start) {
        from = Math.min(from, target.data[target.size - 3]);
        target.size -= 3;
      }
      if (target.size + 3 > target.data.length) {
        target.data = Arrays.copyOf(target.data, target.data.length * 2);
      }
      target.data[target.size++] = from;
      target.data[target.size++] = end;
      target.data[target.size++] = kind;
      return target;
    }

    String apply(String text) {
      StringBuilder out = new StringBuilder(text.length());
      int from = 0;
      for (int k = 0; k < size; k += 3) {
        out.append(text, from, data[k]).append(REPLACEMENTS[data[k + 2]]);
        from = data[k + 1];
      }
      return out.append(text, from, text.length()).toString();
    }
  }
}
