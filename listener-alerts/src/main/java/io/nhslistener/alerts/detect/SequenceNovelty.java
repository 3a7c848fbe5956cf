package io.nhslistener.alerts.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * "Have I seen this pattern before?": an order-2 Markov model over coarse value levels whose surprise, averaged over a
 * few steps, is compared with its own long-run distribution.
 *
 * <p>Values are cut into {@code levels} equal steps spanning the warm-up range (plus a few overflow levels either side).
 * Each step's raw surprise is {@code 1 - P(level | previous two levels)} from counts seen so far; the mean surprise of
 * the last {@code shortSpan} steps is novel when it is more than {@code threshold} standard deviations above its
 * exponentially weighted mean, unless surprises that large have recurred lately. After firing it stays disarmed until
 * the surprise has stayed low for {@code rearmSteps} steps, so one pattern change yields one alert.
 *
 * <p>Memory is fixed at construction (a few kilobytes); {@link #observe} does not allocate.
 */
final class SequenceNovelty {
  private static final int ORDER = 2;
  private static final int OVERFLOW_LEVELS = 4;
  private static final double MIN_STD = 0.01;
  private static final double REARM_BELOW = 2.0;
  private static final int RECURRENCE_BINS = 50;
  private static final double RECURRENCE_DECAY = 1e-3;
  private static final double RECURRENCE_LIMIT = 3.0;
  private static final double RESCALE_BELOW = 1e-200;

  private final int levels;
  private final int symbols;
  private final double threshold;
  private final double learningRate;
  private final int minSteps;
  private final int rearmSteps;
  private final char[] counts;
  private final int[] totals;
  private final double[] recent;
  private final double[] recurrence = new double[RECURRENCE_BINS];

  private double base;
  private double step;
  private int previous1;
  private int previous2;
  private double recentSum;
  private long steps;
  private double mean;
  private double variance;
  private boolean armed = true;
  private int calmSteps;
  private double recurrenceScale = 1.0;
  private int previousBin = RECURRENCE_BINS;

  /**
   * @param levels levels spanning the warm-up range, at least 2
   * @param shortSpan steps averaged before testing
   * @param threshold standard deviations above the long-run mean surprise that count as novel
   * @param learningRate weight of each step in the long-run mean and variance
   * @param minSteps steps of surprise history needed before anything is novel
   * @param rearmSteps calm steps needed after firing before it may fire again
   */
  SequenceNovelty(int levels, int shortSpan, double threshold, double learningRate, int minSteps, int rearmSteps) {
    this.levels = levels;
    this.symbols = levels + 2 * OVERFLOW_LEVELS + 1;
    this.threshold = threshold;
    this.learningRate = learningRate;
    this.minSteps = minSteps;
    this.rearmSteps = rearmSteps;
    this.counts = new char[symbols * symbols * symbols];
    this.totals = new int[symbols * symbols];
    this.recent = new double[shortSpan];
    this.previous1 = OVERFLOW_LEVELS;
    this.previous2 = OVERFLOW_LEVELS;
  }

  /** Fixes the level grid on the range seen during warm-up; a flat range gets a small grid around its value. */
  void calibrate(double low, double high) {
    double range = high - low;
    if (!(range > 0)) {
      range = Math.max(Math.abs(high) * 0.1, 1e-9);
    }
    step = range / (levels - 1);
    base = low;
  }

  /** Learns {@code value} and tells whether the recent pattern is novel (and the detector armed). */
  boolean observe(double value) {
    int symbol = symbol(value);
    int context = previous1 * symbols + previous2;
    int cell = context * symbols + symbol;
    double raw = totals[context] == 0 ? 1.0 : 1.0 - (double) counts[cell] / totals[context];
    learn(context, cell);
    previous2 = previous1;
    previous1 = symbol;

    int slot = (int) (steps % recent.length);
    recentSum += raw - recent[slot];
    recent[slot] = raw;
    double average = recentSum / Math.min(steps + 1, recent.length);

    boolean novel = false;
    if (steps > minSteps) {
      double z = (average - mean) / Math.max(Math.sqrt(variance), MIN_STD);
      novel = armed && z > threshold;
      calmSteps = z < REARM_BELOW ? calmSteps + 1 : 0;
      if (calmSteps >= rearmSteps) {
        armed = true;
      }
      novel &= !recurring(average);
    }
    double rate = Math.max(learningRate, 1.0 / (steps + 1));
    double delta = average - mean;
    mean += rate * delta;
    variance = (1 - rate) * (variance + rate * delta * delta);
    steps++;
    return novel;
  }

  /**
   * Whether surprises this large have risen {@value #RECURRENCE_LIMIT} times recently (counts fade by
   * {@value #RECURRENCE_DECAY} a step): a regular event, however surprising to an order-2 model, is then not novel.
   * Records this rise. Counts are stored divided by a shrinking scale, so fading costs O(1) a step.
   */
  private boolean recurring(double average) {
    int bin = Math.min(RECURRENCE_BINS - 1, (int) (average * RECURRENCE_BINS));
    boolean recurring = recurrence[bin] * recurrenceScale >= RECURRENCE_LIMIT;
    for (int b = previousBin + 1; b <= bin; b++) {
      recurrence[b] += 1.0 / recurrenceScale;
    }
    previousBin = bin;
    recurrenceScale *= 1 - RECURRENCE_DECAY;
    if (recurrenceScale < RESCALE_BELOW) {
      for (int b = 0; b < RECURRENCE_BINS; b++) {
        recurrence[b] *= recurrenceScale;
      }
      recurrenceScale = 1.0;
    }
    return recurring;
  }

  /** Stops firing until the surprise has been calm for the re-arm period. */
  void disarm() {
    armed = false;
  }

  private int symbol(double value) {
    double level = Math.floor((value - base) / step);
    return (int) Math.max(0, Math.min(symbols - 1, level + OVERFLOW_LEVELS));
  }

  private void learn(int context, int cell) {
    if (counts[cell] == Character.MAX_VALUE) {
      halve(context); // bounded counters; halving keeps the context's proportions
    }
    counts[cell]++;
    totals[context]++;
  }

  private void halve(int context) {
    int total = 0;
    for (int i = context * symbols; i < (context + 1) * symbols; i++) {
      counts[i] = (char) (counts[i] / 2);
      total += counts[i];
    }
    totals[context] = total;
  }

  void write(DataOutput out) throws IOException {
    out.writeDouble(base);
    out.writeDouble(step);
    out.writeByte(previous1);
    out.writeByte(previous2);
    for (double r : recent) {
      out.writeDouble(r);
    }
    out.writeDouble(recentSum);
    out.writeLong(steps);
    out.writeDouble(mean);
    out.writeDouble(variance);
    out.writeBoolean(armed);
    out.writeInt(calmSteps);
    out.writeDouble(recurrenceScale);
    out.writeByte(previousBin);
    for (double r : recurrence) {
      out.writeDouble(r);
    }
    int used = 0;
    for (char c : counts) {
      used += c == 0 ? 0 : 1;
    }
    out.writeShort(used); // sparse: most contexts never occur
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        out.writeShort(i);
        out.writeChar(counts[i]);
      }
    }
  }

  void read(DataInput in) throws IOException {
    base = in.readDouble();
    step = in.readDouble();
    previous1 = checkedSymbol(in.readByte());
    previous2 = checkedSymbol(in.readByte());
    for (int i = 0; i < recent.length; i++) {
      recent[i] = in.readDouble();
    }
    recentSum = in.readDouble();
    steps = in.readLong();
    mean = in.readDouble();
    variance = in.readDouble();
    armed = in.readBoolean();
    calmSteps = in.readInt();
    recurrenceScale = in.readDouble();
    previousBin = in.readByte();
    if (previousBin < 0 || previousBin > RECURRENCE_BINS) {
      throw new IOException("corrupt sequence state: bin " + previousBin);
    }
    for (int b = 0; b < RECURRENCE_BINS; b++) {
      recurrence[b] = in.readDouble();
    }
    int used = in.readUnsignedShort();
    Arrays.fill(counts, (char) 0);
    Arrays.fill(totals, 0);
    for (int k = 0; k < used; k++) {
      int cell = in.readUnsignedShort();
      if (cell >= counts.length) {
        throw new IOException("corrupt sequence state: cell " + cell);
      }
      counts[cell] = in.readChar();
      totals[cell / symbols] += counts[cell];
    }
  }

  private int checkedSymbol(int symbol) throws IOException {
    if (symbol < 0 || symbol >= symbols) {
      throw new IOException("corrupt sequence state: symbol " + symbol);
    }
    return symbol;
  }
}
