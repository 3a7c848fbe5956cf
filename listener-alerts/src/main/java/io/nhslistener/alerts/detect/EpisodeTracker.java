package io.nhslistener.alerts.detect;

import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Severity;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns per-window evaluations of one kind into alert decisions: an episode opens on a window that
 * {@link Evaluation#opens() opens} one, continues while windows stay {@link Evaluation#abnormal() abnormal}, and closes
 * after {@value #CALM_WINDOWS} calm windows. An episode alerts once when it opens (FIRING), again only when its severity
 * rises (ESCALATED), and reports its end if it had alerted (RESOLVED). Within the cool-down after an alert, a new
 * episode alerts only if it is more severe than that alert.
 */
final class EpisodeTracker {
  static final int CALM_WINDOWS = 3;
  private static final int NONE = -1;

  private final Duration cooldown;
  private boolean active;
  private long sinceMillis;
  private int calm;
  private int alertedSeverity = NONE;
  private long lastAlertMillis = Long.MIN_VALUE;
  private int lastAlertSeverity = NONE;

  EpisodeTracker(Duration cooldown) {
    this.cooldown = cooldown;
  }

  /** The status to publish for this window, or null when nothing is to be said. */
  AlertStatus update(Instant windowStart, Evaluation evaluation) {
    boolean abnormal = evaluation != null && (active ? evaluation.abnormal() : evaluation.opens());
    if (!abnormal) {
      return active ? calmWindow() : null;
    }
    if (!active) {
      active = true;
      sinceMillis = windowStart.toEpochMilli();
      alertedSeverity = NONE;
    }
    calm = 0;
    int severity = evaluation.severity().ordinal();
    if (alertedSeverity == NONE) {
      boolean coolingDown = lastAlertMillis != Long.MIN_VALUE
          && windowStart.toEpochMilli() - lastAlertMillis < cooldown.toMillis();
      if (coolingDown && severity <= lastAlertSeverity) {
        return null;
      }
      alerted(windowStart, severity);
      return AlertStatus.FIRING;
    }
    if (severity > alertedSeverity) {
      alerted(windowStart, severity);
      return AlertStatus.ESCALATED;
    }
    return null;
  }

  /** Start of the current (or last) episode. */
  Instant since() {
    return Instant.ofEpochMilli(sinceMillis);
  }

  /** The highest severity alerted in the current episode, null if it has not alerted. */
  Severity alertedSeverity() {
    return alertedSeverity == NONE ? null : Severity.values()[alertedSeverity];
  }

  private AlertStatus calmWindow() {
    if (++calm < CALM_WINDOWS) {
      return null;
    }
    active = false;
    calm = 0;
    return alertedSeverity == NONE ? null : AlertStatus.RESOLVED;
  }

  private void alerted(Instant windowStart, int severity) {
    alertedSeverity = severity;
    lastAlertSeverity = severity;
    lastAlertMillis = windowStart.toEpochMilli();
  }

  void write(DataOutput out) throws IOException {
    out.writeBoolean(active);
    out.writeLong(sinceMillis);
    out.writeInt(calm);
    out.writeByte(alertedSeverity);
    out.writeLong(lastAlertMillis);
    out.writeByte(lastAlertSeverity);
  }

  void read(DataInput in) throws IOException {
    active = in.readBoolean();
    sinceMillis = in.readLong();
    calm = in.readInt();
    alertedSeverity = severity(in.readByte());
    lastAlertMillis = in.readLong();
    lastAlertSeverity = severity(in.readByte());
  }

  private static int severity(int ordinal) throws IOException {
    if (ordinal < NONE || ordinal >= Severity.values().length) {
      throw new IOException("corrupt episode state: severity " + ordinal);
    }
    return ordinal;
  }
}
