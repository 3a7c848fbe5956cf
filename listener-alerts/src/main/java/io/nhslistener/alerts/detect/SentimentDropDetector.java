package io.nhslistener.alerts.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Sentiment drops of one organisation: the negative share rising, or the mean sentiment falling, beyond what the
 * organisation's own recent windows make plausible for a window of that size.
 *
 * <p>The baseline is an exponentially weighted pool of recent mentions (about the last
 * {@value #MEMORY_WINDOWS} windows that had any), so larger windows weigh more. Both tests are scaled by their observed
 * over-dispersion: the share test by how much window shares scatter beyond binomial, the mean test by the observed
 * spread of window means times the square root of their size. A window opens an episode when it has at least the
 * minimum volume and either test is beyond {@value #OPEN_Z} standard deviations (divided by sensitivity). Windows in an
 * episode are learned at a tenth of the rate, so a drop does not become the new normal within the hour. Nothing is
 * reported until the baseline holds {@value #MIN_BASELINE_MENTIONS} mentions over {@value #MIN_BASELINE_WINDOWS}
 * windows.
 */
final class SentimentDropDetector {
  static final int MEMORY_WINDOWS = 50;
  static final double OPEN_Z = 4.5;
  static final int MIN_BASELINE_MENTIONS = 50;
  static final int MIN_BASELINE_WINDOWS = 20;

  private static final double RATE = 1.0 / MEMORY_WINDOWS;
  private static final double SPREAD_RATE = 0.01;
  private static final double ABNORMAL_DAMPING = 0.1;

  private final DetectorSettings settings;
  private double mentions;
  private double negatives;
  private double sentimentSum;
  private double meanSpread = 0.25;
  private double shareDispersion = 1.0;
  private long windows;

  SentimentDropDetector(DetectorSettings settings) {
    this.settings = settings;
  }

  /** Judges the window against the baseline learned from earlier windows, then learns it; null for an empty window. */
  Evaluation observe(long count, long negative, double meanSentiment) {
    if (count == 0) {
      return null;
    }
    boolean ready = windows >= MIN_BASELINE_WINDOWS && mentions >= MIN_BASELINE_MENTIONS;
    double share = (double) negative / count;
    double baseShare = mentions > 0 ? Math.min(0.99, Math.max(0.01, negatives / mentions)) : 0.5;
    double baseMean = mentions > 0 ? sentimentSum / mentions : 0.0;
    double shareZ = (negative - count * baseShare)
        / Math.sqrt(shareDispersion * count * baseShare * (1 - baseShare));
    double meanZ = (baseMean - meanSentiment) * Math.sqrt(count / Math.max(meanSpread, 0.01));
    boolean byShare = shareZ >= meanZ;
    double z = Math.max(shareZ, meanZ);
    double surprise = -Tails.log10NormalUpper(z);
    boolean abnormal = ready && count >= Math.max(1, settings.minVolume()) && z >= OPEN_Z / settings.sensitivity();

    learn(count, negative, meanSentiment, baseShare, baseMean, abnormal ? ABNORMAL_DAMPING : 1.0);
    return byShare
        ? new Evaluation(Measure.NEGATIVE_SHARE, share, baseShare, surprise, abnormal, abnormal)
        : new Evaluation(Measure.MEAN_SENTIMENT, meanSentiment, baseMean, surprise, abnormal, abnormal);
  }

  private void learn(long count, long negative, double meanSentiment, double baseShare, double baseMean,
      double weight) {
    double decay = 1 - RATE * weight;
    if (windows > 0) {
      double binomial = count * baseShare * (1 - baseShare);
      double excess = (negative - count * baseShare) * (negative - count * baseShare) / binomial;
      shareDispersion += SPREAD_RATE * weight * (Math.max(1.0, Math.min(10.0, excess)) - shareDispersion);
      double spread = count * (meanSentiment - baseMean) * (meanSentiment - baseMean);
      meanSpread += SPREAD_RATE * weight * (Math.min(1.0, spread) - meanSpread);
    }
    mentions = mentions * decay + count * weight;
    negatives = negatives * decay + negative * weight;
    sentimentSum = sentimentSum * decay + meanSentiment * count * weight;
    windows++;
  }

  void write(DataOutput out) throws IOException {
    out.writeDouble(mentions);
    out.writeDouble(negatives);
    out.writeDouble(sentimentSum);
    out.writeDouble(meanSpread);
    out.writeDouble(shareDispersion);
    out.writeLong(windows);
  }

  void read(DataInput in) throws IOException {
    mentions = in.readDouble();
    negatives = in.readDouble();
    sentimentSum = in.readDouble();
    meanSpread = in.readDouble();
    shareDispersion = in.readDouble();
    windows = in.readLong();
  }
}
