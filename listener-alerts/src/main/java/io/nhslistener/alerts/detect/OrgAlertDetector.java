package io.nhslistener.alerts.detect;

import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * All alert detection for one organisation: volume spikes and sentiment drops over its closed windows, each with its
 * own episode, cool-down and escalation. Windows must be fed in order, each once; decisions for a window depend only on
 * it and earlier windows, so replaying the same windows yields the same decisions.
 *
 * <p>The whole state fits in a few kilobytes: {@link #snapshot()} gives compact versioned bytes for a changelogged
 * key-value store and {@link #restore} continues exactly where the snapshot was taken, with the organisation's current
 * settings. Not thread-safe.
 */
public final class OrgAlertDetector {
  private static final byte STATE_VERSION = 1;

  private final VolumeSpikeDetector volume;
  private final SentimentDropDetector sentiment;
  private final EpisodeTracker volumeEpisodes;
  private final EpisodeTracker sentimentEpisodes;

  /** A detector that has seen nothing yet. */
  public OrgAlertDetector(DetectorSettings settings) {
    this(settings, new VolumeSpikeDetector(settings));
  }

  private OrgAlertDetector(DetectorSettings settings, VolumeSpikeDetector volume) {
    this.volume = volume;
    this.sentiment = new SentimentDropDetector(settings);
    this.volumeEpisodes = new EpisodeTracker(settings.cooldown());
    this.sentimentEpisodes = new EpisodeTracker(settings.cooldown());
  }

  /**
   * Judges one closed window and learns it.
   *
   * @return the decisions to publish for this window, usually none
   */
  public List<Decision> observe(WindowObservation window) {
    List<Decision> decisions = new ArrayList<>(2);
    Evaluation volumeEvaluation = volume.observe(window.windowStart(), window.count());
    decide(AlertKind.VOLUME_SPIKE, volumeEpisodes, window, volumeEvaluation, decisions);
    Evaluation sentimentEvaluation = sentiment.observe(window.count(), window.negative(), window.meanSentiment());
    decide(AlertKind.SENTIMENT_DROP, sentimentEpisodes, window, sentimentEvaluation, decisions);
    return decisions;
  }

  private static void decide(AlertKind kind, EpisodeTracker episodes, WindowObservation window, Evaluation evaluation,
      List<Decision> decisions) {
    AlertStatus status = episodes.update(window.windowStart(), evaluation);
    if (status == null) {
      return;
    }
    Severity severity = status == AlertStatus.RESOLVED ? episodes.alertedSeverity() : evaluation.severity();
    decisions.add(new Decision(kind, status, severity, window.windowStart(), window.windowEnd(), episodes.since(),
        evaluation));
  }

  /** The state as compact versioned bytes. */
  public byte[] snapshot() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(STATE_VERSION);
      volume.write(out);
      sentiment.write(out);
      volumeEpisodes.write(out);
      sentimentEpisodes.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen in memory
    }
    return bytes.toByteArray();
  }

  /**
   * A detector continuing from a {@link #snapshot()} under {@code settings} (which may have changed since: learned
   * baselines are state, thresholds are settings).
   *
   * @throws IllegalArgumentException if the bytes are not a snapshot of a supported version
   */
  public static OrgAlertDetector restore(byte[] snapshot, DetectorSettings settings) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      byte version = in.readByte();
      if (version != STATE_VERSION) {
        throw new IllegalArgumentException("unsupported alert detector state version " + version);
      }
      OrgAlertDetector detector = new OrgAlertDetector(settings, VolumeSpikeDetector.read(in, settings));
      detector.sentiment.read(in);
      detector.volumeEpisodes.read(in);
      detector.sentimentEpisodes.read(in);
      return detector;
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt alert detector state: " + e.getMessage(), e);
    }
  }
}
