package io.nhslistener.streams.sentiment;

import java.util.Arrays;

/**
 * The tokens of one text as hashes and flags, plus the punctuation counts the rules need. A scratch buffer: one per
 * thread, overwritten by every {@link Tokenizer#tokenize} call, so scoring allocates nothing per token.
 */
final class Tokens {
  /** Every cased letter is upper case and there are at least two letters ("GREAT", not "I" or "A&E"'s "E"). */
  static final int UPPER = 1;
  /** Sentence or clause punctuation came between this token and the previous one. */
  static final int CLAUSE_START = 2;
  /** The word ends in "n't" (VADER treats any such word as a negator). */
  static final int ENDS_NT = 4;
  /** A letter repeats three or more times ("soooo"): see {@link #squeezedTwo} and {@link #squeezedOne}. */
  static final int ELONGATED = 8;

  private long[] hashes = new long[64];
  private long[] squeezedTwo = new long[64];
  private long[] squeezedOne = new long[64];
  private int[] flags = new int[64];
  private int[] slots = new int[64];
  private int count;
  private int exclamations;
  private int questions;

  void clear() {
    count = 0;
    exclamations = 0;
    questions = 0;
  }

  void add(long hash, int tokenFlags) {
    add(hash, hash, hash, tokenFlags);
  }

  /** Adds a token with the hashes of its elongation-squeezed forms (equal to {@code hash} when not elongated). */
  void add(long hash, long squeezedToTwo, long squeezedToOne, int tokenFlags) {
    if (count == hashes.length) {
      hashes = Arrays.copyOf(hashes, count * 2);
      squeezedTwo = Arrays.copyOf(squeezedTwo, count * 2);
      squeezedOne = Arrays.copyOf(squeezedOne, count * 2);
      flags = Arrays.copyOf(flags, count * 2);
      slots = Arrays.copyOf(slots, count * 2);
    }
    hashes[count] = hash;
    squeezedTwo[count] = squeezedToTwo;
    squeezedOne[count] = squeezedToOne;
    flags[count] = tokenFlags;
    slots[count] = -1;
    count++;
  }

  void countExclamation() {
    exclamations++;
  }

  void countQuestion() {
    questions++;
  }

  int size() {
    return count;
  }

  long hash(int i) {
    return hashes[i];
  }

  /**
   * Records the token's {@link TermTable} slot, looked up once per token, and the form that matched (a squeezed form
   * for an elongated word).
   */
  void resolve(int i, int slot, long matchedHash) {
    slots[i] = slot;
    hashes[i] = matchedHash;
  }

  /** The token's {@link TermTable} slot, or -1 when unknown or not yet resolved. */
  int slot(int i) {
    return slots[i];
  }

  /** Hash with letter runs cut to two ("goooood" reads "good"). */
  long squeezedTwo(int i) {
    return squeezedTwo[i];
  }

  /** Hash with letter runs cut to one ("yessss" reads "yes"). */
  long squeezedOne(int i) {
    return squeezedOne[i];
  }

  boolean has(int i, int flag) {
    return (flags[i] & flag) != 0;
  }

  int exclamations() {
    return exclamations;
  }

  int questions() {
    return questions;
  }
}
