package io.nhslistener.alerts.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Online anomaly detector for one series of numbers (mention counts per window, or any metric): the decision for a
 * point uses that point and earlier ones only.
 *
 * <p>Three novelty tests, each asking "is this new?" rather than "is this far from the mean?", so that regular
 * patterns, however spiky, stop alerting once seen:
 * <ol>
 *   <li><b>range</b>: the value leaves the range of everything seen so far by more than a small margin;</li>
 *   <li><b>pattern</b>: a {@link SequenceNovelty} over coarse value levels, point by point;</li>
 *   <li><b>slow pattern</b>: the same over means of {@value #BLOCK}-point blocks, for changes in daily shape.</li>
 * </ol>
 * The first {@value #WARM_UP} points only learn. After an alert a test may fire again only after a rest period (a
 * sustained change is one alert), and the pattern tests re-arm only after their surprise has calmed down.
 *
 * <p>{@code sensitivity} divides every threshold: 2 alerts on deviations half as large, 0.5 only on ones twice as
 * large. Sensitivity 1 is the configuration that scores best on the NAB development set.
 *
 * <p>Per point the work is constant and allocation-free; the state is a few kilobytes, {@link #snapshot()} encodes it
 * compactly (versioned) and {@link #restore} continues exactly where the snapshot was taken. Not thread-safe.
 */
public final class SpikeDetector {
  /** Points that only train the detector. */
  public static final int WARM_UP = 150;
  /** Points per block of the slow pattern test. */
  public static final int BLOCK = 16;

  private static final byte STATE_VERSION = 1;
  private static final double RANGE_MARGIN = 0.005;
  private static final int RANGE_REST = 30;
  private static final int PATTERN_REST = 200;
  private static final int SLOW_PATTERN_REST = 20 * BLOCK;
  private static final int NEVER = Integer.MAX_VALUE / 2;

  private final double sensitivity;
  private final SequenceNovelty pattern;
  private final SequenceNovelty slowPattern;

  private long points;
  private double low = Double.POSITIVE_INFINITY;
  private double high = Double.NEGATIVE_INFINITY;
  private double blockSum;
  private int blockPoints;
  private int sinceAlert = NEVER;
  private Signal lastSignal = Signal.NONE;
  private boolean lastOutOfRange;

  /** Which test fired for the last point. */
  public enum Signal {
    NONE,
    /** The value left the range seen so far, upwards or downwards. */
    RANGE,
    /** The short-term pattern of values is new. */
    PATTERN,
    /** The pattern of block means is new. */
    SLOW_PATTERN
  }

  /**
   * @param sensitivity threshold divisor in (0, 10]; 1 is the tuned default
   * @throws IllegalArgumentException if sensitivity is outside (0, 10]
   */
  public SpikeDetector(double sensitivity) {
    if (!(sensitivity > 0 && sensitivity <= 10)) {
      throw new IllegalArgumentException("sensitivity must be in (0, 10], got " + sensitivity);
    }
    this.sensitivity = sensitivity;
    this.pattern = new SequenceNovelty(6, 10, 3.0 / sensitivity, 0.001, 100, 100);
    this.slowPattern = new SequenceNovelty(5, 3, 2.75 / sensitivity, 0.01, 20, 100 / BLOCK);
  }

  /**
   * Learns the next point and tells whether it is anomalous.
   *
   * @throws IllegalArgumentException if the value is not finite
   */
  public boolean observe(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, got " + value);
    }
    double margin = RANGE_MARGIN / sensitivity * (high - low);
    boolean outOfRange = points > WARM_UP && (value > high + margin || value < low - margin);
    if (points == WARM_UP) {
      pattern.calibrate(low, high);
      slowPattern.calibrate(low, high);
    }
    low = Math.min(low, value);
    high = Math.max(high, value);

    boolean novelPattern = false;
    boolean novelSlowPattern = false;
    if (points >= WARM_UP) {
      novelPattern = pattern.observe(value);
      blockSum += value;
      if (++blockPoints == BLOCK) {
        novelSlowPattern = slowPattern.observe(blockSum / BLOCK);
        blockSum = 0;
        blockPoints = 0;
      }
    }
    points++;
    sinceAlert++;
    lastOutOfRange = outOfRange;
    lastSignal = decide(outOfRange, novelPattern, novelSlowPattern);
    if (lastSignal != Signal.NONE) {
      sinceAlert = 0;
      if (novelPattern) {
        pattern.disarm();
      }
      if (novelSlowPattern) {
        slowPattern.disarm();
      }
    }
    return lastSignal != Signal.NONE;
  }

  private Signal decide(boolean outOfRange, boolean novelPattern, boolean novelSlowPattern) {
    if (outOfRange && sinceAlert > RANGE_REST) {
      return Signal.RANGE;
    }
    if (novelPattern && sinceAlert > PATTERN_REST) {
      return Signal.PATTERN;
    }
    if (novelSlowPattern && sinceAlert > SLOW_PATTERN_REST) {
      return Signal.SLOW_PATTERN;
    }
    return Signal.NONE;
  }

  /** The test that fired for the last point, {@link Signal#NONE} if none did. */
  public Signal lastSignal() {
    return lastSignal;
  }

  /**
   * Whether the last point left the range seen so far, whether or not that raised an alert (an alert shortly before
   * holds the range test back; callers with their own alert policy may want the raw fact).
   */
  public boolean lastOutOfRange() {
    return lastOutOfRange;
  }

  /** Whether the detector is still warming up (its decisions are all "no"). */
  public boolean warmingUp() {
    return points <= WARM_UP;
  }

  /**
   * The detector's state as compact versioned bytes.
   */
  public byte[] snapshot() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(STATE_VERSION);
      out.writeLong(points);
      out.writeDouble(low);
      out.writeDouble(high);
      out.writeDouble(blockSum);
      out.writeInt(blockPoints);
      out.writeInt(sinceAlert);
      pattern.write(out);
      slowPattern.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen in memory
    }
    return bytes.toByteArray();
  }

  /**
   * A detector continuing from a {@link #snapshot()}, with the given (possibly changed) sensitivity: what was learned is
   * state, thresholds are settings.
   *
   * @throws IllegalArgumentException if the bytes are not a snapshot of a supported version, or the sensitivity is
   *     outside (0, 10]
   */
  public static SpikeDetector restore(byte[] snapshot, double sensitivity) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      byte version = in.readByte();
      if (version != STATE_VERSION) {
        throw new IllegalArgumentException("unsupported spike detector state version " + version);
      }
      SpikeDetector detector = new SpikeDetector(sensitivity);
      detector.points = in.readLong();
      detector.low = in.readDouble();
      detector.high = in.readDouble();
      detector.blockSum = in.readDouble();
      detector.blockPoints = in.readInt();
      detector.sinceAlert = in.readInt();
      detector.pattern.read(in);
      detector.slowPattern.read(in);
      return detector;
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt spike detector state: " + e.getMessage(), e);
    }
  }
}
