package io.nhslistener.streams.windows;

import java.util.Arrays;

/**
 * Distinct authors of a window in bounded memory: an exact set of 64-bit author-key hashes up to {@link #EXACT_LIMIT}
 * authors, then a HyperLogLog of 2^{@value #PRECISION} one-byte registers (standard error about 3.3%). Either form is
 * at most about 1 KiB, so a window of a million mentions costs what a window of a thousand does.
 *
 * <p>The exact form counts hash collisions as one author; with 64-bit hashes and at most 128 authors that is
 * negligible (below 1e-15). Not thread-safe.
 */
final class AuthorSketch {
  static final int EXACT_LIMIT = 128;
  static final int PRECISION = 10;
  private static final int REGISTERS = 1 << PRECISION;
  private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

  private long[] exact;
  private int size;
  private byte[] registers;

  AuthorSketch() {
    exact = new long[8];
  }

  private AuthorSketch(long[] exact, int size, byte[] registers) {
    this.exact = exact;
    this.size = size;
    this.registers = registers;
  }

  static AuthorSketch exact(long[] hashes) {
    return new AuthorSketch(Arrays.copyOf(hashes, Math.max(8, hashes.length)), hashes.length, null);
  }

  static AuthorSketch registers(byte[] registers) {
    if (registers.length != REGISTERS) {
      throw new IllegalArgumentException("expected " + REGISTERS + " registers, got " + registers.length);
    }
    return new AuthorSketch(null, 0, registers.clone());
  }

  /** Counts one author; null (a source that names no author) is not counted. */
  void add(String authorKey) {
    if (authorKey != null) {
      addHash(hash(authorKey));
    }
  }

  void addHash(long hash) {
    if (registers != null) {
      addToRegisters(hash);
      return;
    }
    for (int i = 0; i < size; i++) {
      if (exact[i] == hash) {
        return;
      }
    }
    if (size == EXACT_LIMIT) {
      switchToRegisters();
      addToRegisters(hash);
      return;
    }
    if (size == exact.length) {
      exact = Arrays.copyOf(exact, Math.min(EXACT_LIMIT, size * 2));
    }
    exact[size++] = hash;
  }

  /** Adds every author of {@code other} (a union: authors in both count once). */
  void merge(AuthorSketch other) {
    if (other.registers == null) {
      for (int i = 0; i < other.size; i++) {
        addHash(other.exact[i]);
      }
      return;
    }
    if (registers == null) {
      switchToRegisters();
    }
    for (int i = 0; i < REGISTERS; i++) {
      registers[i] = (byte) Math.max(registers[i], other.registers[i]);
    }
  }

  /** The number of distinct authors: exact in the set form, estimated in the register form. */
  long count() {
    if (registers == null) {
      return size;
    }
    double sum = 0;
    int zeros = 0;
    for (byte register : registers) {
      sum += 1.0 / (1L << register);
      if (register == 0) {
        zeros++;
      }
    }
    double estimate = ALPHA * REGISTERS * REGISTERS / sum;
    if (estimate <= 2.5 * REGISTERS && zeros > 0) {
      estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
    }
    return Math.round(estimate);
  }

  boolean isExact() {
    return registers == null;
  }

  /** The exact hashes (set form only). */
  long[] hashes() {
    return Arrays.copyOf(exact, size);
  }

  /** A copy of the registers (register form only). */
  byte[] registerBytes() {
    return registers.clone();
  }

  private void switchToRegisters() {
    registers = new byte[REGISTERS];
    for (int i = 0; i < size; i++) {
      addToRegisters(exact[i]);
    }
    exact = null;
    size = 0;
  }

  private void addToRegisters(long hash) {
    int index = (int) (hash >>> (64 - PRECISION));
    // Rank of the first 1-bit in the remaining 54 bits; the sentinel bit bounds it when they are all zero.
    long rest = (hash << PRECISION) | (1L << (PRECISION - 1));
    byte rank = (byte) (Long.numberOfLeadingZeros(rest) + 1);
    if (rank > registers[index]) {
      registers[index] = rank;
    }
  }

  /** 64-bit FNV-1a over the key's characters, finished with MurmurHash3's mixer so every bit avalanches. */
  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
