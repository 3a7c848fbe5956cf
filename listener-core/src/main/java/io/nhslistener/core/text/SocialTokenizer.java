package io.nhslistener.core.text;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits social text into words, hashtags and handles, with their original case and offsets.
 *
 * <ul>
 *   <li>A hashtag ({@code #NHS75}) is one token, {@code #} included, of type {@link #HASHTAG}; so is a handle
 *       ({@code @NHSEngland}), of type {@link #HANDLE}. They start a token only after a non-word character, so
 *       {@code C#} and {@code a@b} are words.
 *   <li>A qualified handle ({@code @trust.bsky.social}, {@code @trust@mastodon.social}) is emitted whole, followed by
 *       its bare form ({@code @trust}) at the same position and with the same offsets (like a synonym), so a rule
 *       naming either matches and either highlights the whole handle.
 *   <li>A word is a run of letters, digits and combining marks, keeping an apostrophe or {@code &} between letters
 *       ({@code don't}, {@code Trust's}, {@code A&E}); typographic apostrophes become {@code '}.
 *   <li>Links ({@code http://}, {@code https://}, {@code www.}) produce no tokens: their domains are searched through
 *       {@link MentionFields#DOMAIN} instead, so the words of a URL path never match a rule.
 *   <li>Tokens longer than {@link #MAX_TOKEN_CHARS} characters are dropped (they are never words).
 * </ul>
 *
 * <p>Not thread-safe, like every Lucene tokenizer; analyzers reuse one per thread.
 */
public final class SocialTokenizer extends Tokenizer {
  /** Token type of a word. */
  public static final String WORD = "<WORD>";
  /** Token type of a hashtag, {@code #} included. */
  public static final String HASHTAG = "<HASHTAG>";
  /** Token type of a handle, {@code @} included. */
  public static final String HANDLE = "<HANDLE>";
  /** Longest token kept. */
  public static final int MAX_TOKEN_CHARS = 255;

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

  private char[] buffer = new char[512];
  private int length;
  private int cursor;
  /** Start of a bare handle still to emit at the previous token's position, or -1. */
  private int pendingStart = -1;
  /** End of that bare handle's characters. */
  private int pendingEnd;
  /** End of its offsets: those of the whole qualified handle. */
  private int pendingOffsetEnd;

  @Override
  public void reset() throws IOException {
    super.reset();
    length = 0;
    int read;
    while ((read = input.read(buffer, length, buffer.length - length)) != -1) {
      length += read;
      if (length == buffer.length) {
        char[] bigger = new char[buffer.length * 2];
        System.arraycopy(buffer, 0, bigger, 0, length);
        buffer = bigger;
      }
    }
    cursor = 0;
    pendingStart = -1;
  }

  @Override
  public boolean incrementToken() {
    clearAttributes();
    if (pendingStart >= 0) {
      emit(pendingStart, pendingEnd, HANDLE, 0);
      offsetAtt.setOffset(correctOffset(pendingStart), correctOffset(pendingOffsetEnd));
      pendingStart = -1;
      return true;
    }
    while (cursor < length) {
      int start = cursor;
      int c = Character.codePointAt(buffer, start, length);
      boolean boundary = start == 0 || !isWordChar(Character.codePointBefore(buffer, start));
      if (boundary && isLinkStart(start)) {
        cursor = skipLink(start);
      } else if (boundary && c == '#' && startsTag(start + 1)) {
        cursor = scanTag(start + 1);
        if (emitIfShort(start, cursor, HASHTAG)) {
          return true;
        }
      } else if (boundary && c == '@' && startsTag(start + 1)) {
        if (scanHandle(start)) {
          return true;
        }
      } else if (Character.isLetterOrDigit(c)) {
        cursor = scanWord(start);
        if (emitIfShort(start, cursor, WORD)) {
          return true;
        }
      } else {
        cursor += Character.charCount(c);
      }
    }
    return false;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int finalOffset = correctOffset(length);
    offsetAtt.setOffset(finalOffset, finalOffset);
  }

  private boolean scanHandle(int start) {
    int bareEnd = scanTag(start + 1);
    int end = bareEnd;
    // A qualified handle continues with ".label" or "@instance" while a label follows; a final "." ends the sentence.
    while (end + 1 < length && (buffer[end] == '.' || buffer[end] == '@') && startsTag(end + 1)) {
      end = scanLabel(end + 1);
    }
    cursor = end;
    if (end - start > MAX_TOKEN_CHARS) {
      return false;
    }
    emit(start, end, HANDLE, 1);
    if (end != bareEnd) {
      pendingStart = start;
      pendingEnd = bareEnd;
      pendingOffsetEnd = end;
    }
    return true;
  }

  /** A tag starts with a letter, digit or underscore; marks (accents, emoji variation selectors) only continue one. */
  private boolean startsTag(int at) {
    if (at >= length) {
      return false;
    }
    int c = Character.codePointAt(buffer, at, length);
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private int scanTag(int from) {
    int i = from;
    while (i < length) {
      int c = Character.codePointAt(buffer, i, length);
      if (!isTagChar(c)) {
        break;
      }
      i += Character.charCount(c);
    }
    return i;
  }

  private int scanLabel(int from) {
    int i = from;
    while (i < length && (isTagChar(buffer[i]) || buffer[i] == '-')) {
      i++;
    }
    return i;
  }

  private int scanWord(int from) {
    int i = from;
    while (i < length) {
      int c = Character.codePointAt(buffer, i, length);
      if (isWordChar(c)) {
        i += Character.charCount(c);
      } else if ((isApostrophe(c) || c == '&') && i + 1 < length && Character.isLetter(buffer[i + 1])
          && i > from && Character.isLetter(buffer[i - 1])) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private boolean isLinkStart(int start) {
    return startsWithIgnoreCase(start, "http://") || startsWithIgnoreCase(start, "https://")
        || (startsWithIgnoreCase(start, "www.") && start + 4 < length && Character.isLetterOrDigit(buffer[start + 4]));
  }

  private int skipLink(int start) {
    int i = start;
    while (i < length && !Character.isWhitespace(buffer[i]) && buffer[i] != '<' && buffer[i] != '>'
        && buffer[i] != '"') {
      i++;
    }
    return i;
  }

  private boolean startsWithIgnoreCase(int start, String prefix) {
    if (start + prefix.length() > length) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.toLowerCase(buffer[start + i]) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean emitIfShort(int start, int end, String type) {
    if (end - start > MAX_TOKEN_CHARS) {
      return false;
    }
    emit(start, end, type, 1);
    return true;
  }

  private void emit(int start, int end, String type, int positionIncrement) {
    char[] term = termAtt.resizeBuffer(end - start);
    for (int i = start; i < end; i++) {
      char c = buffer[i];
      term[i - start] = c == '\u2019' || c == '\u02BC' ? '\'' : c;
    }
    termAtt.setLength(end - start);
    offsetAtt.setOffset(correctOffset(start), correctOffset(end));
    posIncAtt.setPositionIncrement(positionIncrement);
    typeAtt.setType(type);
  }

  static boolean isWordChar(int c) {
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isTagChar(int c) {
    return c == '_' || isWordChar(c);
  }

  private static boolean isApostrophe(int c) {
    return c == '\'' || c == '\u2019' || c == '\u02BC';
  }
}
