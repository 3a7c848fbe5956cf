package io.nhslistener.streams.sentiment;

import java.util.Arrays;

/** A sparse feature vector: parallel index and value arrays. Scratch state, one per thread. */
final class Features {
  private int[] indices = new int[128];
  private float[] values = new float[128];
  private int count;

  void clear() {
    count = 0;
  }

  void add(int index, double value) {
    if (count == indices.length) {
      indices = Arrays.copyOf(indices, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    indices[count] = index;
    values[count] = (float) value;
    count++;
  }

  int size() {
    return count;
  }

  int index(int i) {
    return indices[i];
  }

  float value(int i) {
    return values[i];
  }

  /** An independent copy, for training sets that keep every text's features. */
  Features copy() {
    Features copy = new Features();
    copy.indices = Arrays.copyOf(indices, count);
    copy.values = Arrays.copyOf(values, count);
    copy.count = count;
    return copy;
  }
}
