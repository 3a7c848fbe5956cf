package io.nhslistener.alerts.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;

/**
 * Mention-volume spikes of one organisation, window by window.
 *
 * <p>Two views must agree before a spike is reported. The {@link SpikeDetector} says whether the count is new for this
 * series (out of its range, or an unseen pattern); the {@link CountBaseline} says how unlikely the count is for this
 * time of day and day of week under a negative binomial, so that 3 mentions for a quiet trust and 3,000 for a national
 * body are judged on the same probability scale. A window opens a spike episode when it has at least the minimum
 * volume, is above the expectation, and is either new with a tail probability below 10^-3 or, new or not, below
 * 10^-6 (thresholds divided by sensitivity). No spike is reported during the {@value SpikeDetector#WARM_UP}-window
 * warm-up.
 */
final class VolumeSpikeDetector {
  private static final double NOVEL_SURPRISE = 3.0;
  private static final double STRONG_SURPRISE = 6.0;

  private final SpikeDetector novelty;
  private final CountBaseline baseline;
  private final DetectorSettings settings;

  VolumeSpikeDetector(DetectorSettings settings) {
    this(settings, new SpikeDetector(settings.sensitivity()));
  }

  private VolumeSpikeDetector(DetectorSettings settings, SpikeDetector novelty) {
    this.settings = settings;
    this.novelty = novelty;
    this.baseline = new CountBaseline(settings.zone());
  }

  /** Judges the window's count against the baseline learned from earlier windows, then learns it. */
  Evaluation observe(Instant windowStart, long count) {
    // the episode tracker applies its own cool-down, so a new record counts even inside the detector's rest period
    boolean novel = novelty.observe(count) || novelty.lastOutOfRange();
    double expected = baseline.expected(windowStart);
    double surprise = count > expected ? -Tails.log10CountUpper(count, expected, baseline.dispersion()) : 0.0;
    baseline.learn(windowStart, count);
    boolean eligible = !novelty.warmingUp() && count >= Math.max(1, settings.minVolume()) && count > expected;
    double sensitivity = settings.sensitivity();
    boolean significant = eligible && surprise >= NOVEL_SURPRISE / sensitivity;
    boolean opens = significant && (novel || surprise >= STRONG_SURPRISE / sensitivity);
    return new Evaluation(Measure.MENTIONS, count, expected, surprise, opens, significant);
  }

  void write(DataOutput out) throws IOException {
    byte[] spike = novelty.snapshot();
    out.writeInt(spike.length);
    out.write(spike);
    baseline.write(out);
  }

  static VolumeSpikeDetector read(DataInput in, DetectorSettings settings) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 1 << 20) {
      throw new IOException("corrupt volume state: spike detector of " + length + " bytes");
    }
    byte[] spike = new byte[length];
    in.readFully(spike);
    VolumeSpikeDetector detector = new VolumeSpikeDetector(settings,
        SpikeDetector.restore(spike, settings.sensitivity()));
    detector.baseline.read(in);
    return detector;
  }
}
