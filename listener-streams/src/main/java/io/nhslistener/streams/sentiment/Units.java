package io.nhslistener.streams.sentiment;

import java.util.Arrays;

/**
 * Tokens grouped into sentiment units: a single word, or a lexicon phrase scored as one ("couldn't fault",
 * "kind of"). Scratch state, one per thread; {@code sentiment} holds each unit's rule-adjusted valence.
 */
final class Units {
  private long[] hashes = new long[64];
  private int[] slots = new int[64];
  private int[] flags = new int[64];
  private double[] sentiments = new double[64];
  private int count;

  void clear() {
    count = 0;
  }

  /** @param tokenFlags the {@link Tokens} flags that hold for the whole unit */
  void add(long hash, int slot, int tokenFlags) {
    if (count == hashes.length) {
      hashes = Arrays.copyOf(hashes, count * 2);
      slots = Arrays.copyOf(slots, count * 2);
      flags = Arrays.copyOf(flags, count * 2);
      sentiments = Arrays.copyOf(sentiments, count * 2);
    }
    hashes[count] = hash;
    slots[count] = slot;
    flags[count] = tokenFlags;
    sentiments[count] = 0;
    count++;
  }

  int size() {
    return count;
  }

  long hash(int i) {
    return hashes[i];
  }

  /** The unit's slot in the {@link TermTable}, or -1 when the lexicon does not know it. */
  int slot(int i) {
    return slots[i];
  }

  boolean has(int i, int tokenFlag) {
    return (flags[i] & tokenFlag) != 0;
  }

  double sentiment(int i) {
    return sentiments[i];
  }

  void sentiment(int i, double value) {
    sentiments[i] = value;
  }
}
