package io.nhslistener.streams.sentiment;

/**
 * 64-bit hashes of terms and term sequences. Every lookup in the scorer is keyed by these hashes, so scoring never builds
 * a string; two different terms sharing a 64-bit hash is possible but negligible next to lexicon noise.
 */
final class TermHash {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private TermHash() {}

  static long start() {
    return FNV_OFFSET;
  }

  static long add(long hash, char c) {
    return (hash ^ c) * FNV_PRIME;
  }

  static long of(CharSequence term) {
    long h = FNV_OFFSET;
    for (int i = 0; i < term.length(); i++) {
      h = add(h, term.charAt(i));
    }
    return h;
  }

  /** Hash of a sequence: {@code then(then(a, b), c)} identifies the phrase "a b c"; order matters. */
  static long then(long prefix, long next) {
    return mix(Long.rotateLeft(prefix * GOLDEN, 27) ^ next);
  }

  /** Murmur3's 64-bit finaliser: spreads every input bit over the output, so low bits make good bucket indices. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
