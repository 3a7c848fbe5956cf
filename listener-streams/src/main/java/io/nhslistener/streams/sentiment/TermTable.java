package io.nhslistener.streams.sentiment;

/**
 * Open-addressing map from a term hash to the term's valence, booster scalar and flags. Filled while loading, then only
 * read: after {@link Lexicon} publishes it through a final field, concurrent lookups are safe.
 */
final class TermTable {
  static final int VALENCE = 1;
  static final int BOOSTER = 2;
  static final int NEGATOR = 4;
  /** Some longer phrase starts with this term or phrase. */
  static final int PREFIX = 8;
  static final int EMOTICON = 16;
  static final int OVERLAY = 32;
  static final int EMOJI = 64;
  /** A word that marks talk about health care. */
  static final int CARE_CONTEXT = 128;

  private static final long EMPTY = 0L;

  private long[] keys = new long[1024];
  private float[] valences = new float[1024];
  private float[] boosters = new float[1024];
  private int[] flags = new int[1024];
  private int size;

  /** Slot of the hash, or -1. A hash of 0 is remapped so that 0 can mark empty slots. */
  int find(long hash) {
    long key = hash == EMPTY ? 1 : hash;
    int mask = keys.length - 1;
    int slot = (int) TermHash.mix(key) & mask;
    while (keys[slot] != EMPTY) {
      if (keys[slot] == key) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  int flags(int slot) {
    return slot < 0 ? 0 : flags[slot];
  }

  float valence(int slot) {
    return valences[slot];
  }

  float booster(int slot) {
    return boosters[slot];
  }

  boolean has(long hash, int flag) {
    return (flags(find(hash)) & flag) != 0;
  }

  void putValence(long hash, float valence, int extraFlags) {
    int slot = slotFor(hash);
    valences[slot] = valence;
    flags[slot] = (flags[slot] & ~(OVERLAY | EMOJI)) | VALENCE | extraFlags;
  }

  /** Keeps an existing valence: the VADER file lists a few lower-cased emoticons twice, and the first is the common one. */
  void putValenceIfAbsent(long hash, float valence, int extraFlags) {
    if ((flags(find(hash)) & VALENCE) == 0) {
      putValence(hash, valence, extraFlags);
    }
  }

  void putBooster(long hash, float scalar) {
    int slot = slotFor(hash);
    boosters[slot] = scalar;
    flags[slot] |= BOOSTER;
  }

  void addFlags(long hash, int extraFlags) {
    flags[slotFor(hash)] |= extraFlags;
  }

  private int slotFor(long hash) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    long key = hash == EMPTY ? 1 : hash;
    int mask = keys.length - 1;
    int slot = (int) TermHash.mix(key) & mask;
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      size++;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    float[] oldValences = valences;
    float[] oldBoosters = boosters;
    int[] oldFlags = flags;
    int capacity = oldKeys.length * 2;
    keys = new long[capacity];
    valences = new float[capacity];
    boosters = new float[capacity];
    flags = new int[capacity];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slotFor(oldKeys[i]);
        valences[slot] = oldValences[i];
        boosters[slot] = oldBoosters[i];
        flags[slot] = oldFlags[i];
      }
    }
  }
}
