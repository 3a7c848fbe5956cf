package io.nhslistener.streams.dedupe;

import java.util.Arrays;

/**
 * 64-bit SimHash of a text over its normalised word shingles of one and two words: texts that differ by a few words
 * have fingerprints a few bits apart, so copy-pasted campaign posts with small edits land within a small Hamming
 * distance of each other. Single words keep an edit's effect small (one changed word replaces three of ~80 features
 * in a 40-word post); pairs keep word order in play. Measured on campaign texts of about 40 words, one or two edited words
 * stay within 3 bits while unrelated posts on the same topics are 25 or more bits apart; short texts are only caught
 * when they are the same up to case, punctuation and links.
 *
 * <p>Normalisation: words are runs of letters and digits, lower-cased; links ({@code http://…}, {@code https://…},
 * {@code www.…}) are skipped so that tracking parameters do not make copies look different. Each word and each pair of consecutive words is
 * hashed (FNV-1a per word, pairs combined, all finalised with MurmurHash3's mixer) and votes on every bit.
 *
 * <p>Allocation-free after construction. Not thread-safe: one instance per processor.
 */
final class SimHasher {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  /** Counter width: texts are cut at {@value #MAX_FEATURES} features, far beyond any post. */
  private static final int PLANES = 16;
  private static final int MAX_FEATURES = (1 << PLANES) - 1;

  /** Bit-sliced counters: bit b of plane i is bit i of the number of features with bit b set. */
  private final long[] planes = new long[PLANES];
  private int features;
  private int words;

  /** The fingerprint of {@code text}; {@link #words()} then tells how many words it had. */
  long hash(CharSequence text) {
    Arrays.fill(planes, 0);
    features = 0;
    words = 0;
    long previous = 0;
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && isLinkStart(text, i)) {
        while (i < length && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        continue;
      }
      long word = FNV_OFFSET;
      while (i < length && Character.isLetterOrDigit(text.charAt(i))) {
        word = (word ^ Character.toLowerCase(text.charAt(i))) * FNV_PRIME;
        i++;
      }
      vote(mix(word));
      if (words > 0) {
        vote(mix(previous * 31 + word));
      }
      previous = word;
      words++;
    }
    return majority();
  }

  /** Number of words of the text last hashed. */
  int words() {
    return words;
  }

  /** Number of differing bits. */
  static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** Counts the set bits of {@code shingle} into all 64 counters at once (a ripple-carry add of one bit per lane). */
  private void vote(long shingle) {
    if (features == MAX_FEATURES) {
      return;
    }
    features++;
    long carry = shingle;
    for (int plane = 0; carry != 0 && plane < PLANES; plane++) {
      long sum = planes[plane] ^ carry;
      carry &= planes[plane];
      planes[plane] = sum;
    }
  }

  /**
   * The bits set in more than half of the features (more votes for than against): for each lane, whether its counter
   * is at least {@code features / 2 + 1}, compared plane by plane from the most significant.
   */
  private long majority() {
    int threshold = features / 2 + 1;
    long greater = 0;
    long equal = -1L;
    for (int plane = PLANES - 1; plane >= 0; plane--) {
      long thresholdBit = ((threshold >>> plane) & 1) == 1 ? -1L : 0L;
      greater |= equal & planes[plane] & ~thresholdBit;
      equal &= ~(planes[plane] ^ thresholdBit);
    }
    return greater | equal;
  }

  private static boolean isLinkStart(CharSequence text, int i) {
    return startsWith(text, i, "http://") || startsWith(text, i, "https://") || startsWith(text, i, "www.");
  }

  private static boolean startsWith(CharSequence text, int at, String prefix) {
    if (at + prefix.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (Character.toLowerCase(text.charAt(at + k)) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** MurmurHash3's 64-bit finaliser: spreads every input bit over the whole word. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
