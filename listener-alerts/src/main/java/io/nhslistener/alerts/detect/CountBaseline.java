package io.nhslistener.alerts.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * Expected mention count of a window: {@code level × hourFactor[hour of day] × dayFactor[day of week]} in the
 * organisation's time zone, with a negative-binomial dispersion for how much counts scatter around it.
 *
 * <p>Robust to the spikes it is meant to reveal: each window is winsorised at the expectation plus four standard
 * deviations before it is learned, so a burst nudges the baseline instead of dragging it. Fixed-size state
 * (33 numbers); no allocation per window apart from the time-zone conversion.
 */
final class CountBaseline {
  private static final double LEVEL_RATE = 0.05;
  private static final double HOUR_RATE = 0.02;
  private static final double DAY_RATE = 0.01;
  private static final double DISPERSION_RATE = 0.02;
  private static final double MAX_DISPERSION = 5.0;
  private static final double MIN_FACTOR = 0.05;
  private static final double WINSOR_SDS = 4.0;

  private final ZoneId zone;
  private final double[] hourFactor = new double[24];
  private final double[] dayFactor = new double[7];
  private double level;
  private double dispersion;
  private long windows;

  CountBaseline(ZoneId zone) {
    this.zone = zone;
    Arrays.fill(hourFactor, 1.0);
    Arrays.fill(dayFactor, 1.0);
  }

  /** The expected count of the window starting at {@code start} (0 before any window was learned). */
  double expected(Instant start) {
    ZonedDateTime local = start.atZone(zone);
    return level * hourFactor[local.getHour()] * dayFactor[local.getDayOfWeek().getValue() - 1];
  }

  /** Negative-binomial dispersion: variance = mean + dispersion × mean². */
  double dispersion() {
    return dispersion;
  }

  /** Learns one window's count. */
  void learn(Instant start, long count) {
    ZonedDateTime local = start.atZone(zone);
    int hour = local.getHour();
    int day = local.getDayOfWeek().getValue() - 1;
    double expected = level * hourFactor[hour] * dayFactor[day];
    double x = count;
    if (windows > 0) {
      double sd = Math.sqrt(expected + dispersion * expected * expected);
      x = Math.min(x, expected + WINSOR_SDS * sd + 1);
      double excess = ((x - expected) * (x - expected) - expected) / Math.max(expected * expected, 1e-9);
      dispersion += DISPERSION_RATE * (Math.max(0, Math.min(MAX_DISPERSION, excess)) - dispersion);
    }
    double seasonal = hourFactor[hour] * dayFactor[day];
    double rate = Math.max(LEVEL_RATE, 1.0 / (windows + 1));
    level += rate * (x / seasonal - level);
    if (level > 0) {
      hourFactor[hour] = Math.max(MIN_FACTOR, hourFactor[hour] + HOUR_RATE * (x / (level * dayFactor[day]) - hourFactor[hour]));
      dayFactor[day] = Math.max(MIN_FACTOR, dayFactor[day] + DAY_RATE * (x / (level * hourFactor[hour]) - dayFactor[day]));
    }
    windows++;
  }

  void write(DataOutput out) throws IOException {
    out.writeDouble(level);
    out.writeDouble(dispersion);
    out.writeLong(windows);
    for (double f : hourFactor) {
      out.writeDouble(f);
    }
    for (double f : dayFactor) {
      out.writeDouble(f);
    }
  }

  void read(DataInput in) throws IOException {
    level = in.readDouble();
    dispersion = in.readDouble();
    windows = in.readLong();
    for (int i = 0; i < hourFactor.length; i++) {
      hourFactor[i] = in.readDouble();
    }
    for (int i = 0; i < dayFactor.length; i++) {
      dayFactor[i] = in.readDouble();
    }
  }
}
