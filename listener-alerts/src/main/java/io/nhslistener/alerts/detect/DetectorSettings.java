package io.nhslistener.alerts.detect;

import io.nhslistener.core.model.AlertSettings;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings of one organisation's detectors.
 *
 * @param sensitivity divides every detection threshold, in (0, 10]; 1 is the configuration that scores best on NAB
 * @param minVolume fewest mentions in a window before a volume or sentiment alert may fire
 * @param cooldown after an alert of a kind, a new episode of that kind alerts only if more severe than the last alert
 * @param zone time zone of the time-of-day and day-of-week baseline
 * @throws IllegalArgumentException if sensitivity is outside (0, 10], minVolume is negative, the cool-down is negative,
 *     or the zone is null
 */
public record DetectorSettings(double sensitivity, int minVolume, Duration cooldown, ZoneId zone) {
  /** The default cool-down between alerts of one kind. */
  public static final Duration DEFAULT_COOLDOWN = Duration.ofHours(1);
  /** NHS organisations are in England: their day starts in London. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");
  /** Sensitivity 1, minimum volume 5, one hour cool-down, London time. */
  public static final DetectorSettings DEFAULTS = new DetectorSettings(AlertSettings.DEFAULT_SENSITIVITY,
      AlertSettings.DEFAULT_MIN_VOLUME, DEFAULT_COOLDOWN, DEFAULT_ZONE);

  public DetectorSettings {
    if (!(sensitivity > 0 && sensitivity <= 10)) {
      throw new IllegalArgumentException("sensitivity must be in (0, 10], got " + sensitivity);
    }
    if (minVolume < 0) {
      throw new IllegalArgumentException("minVolume must not be negative, got " + minVolume);
    }
    if (cooldown == null || cooldown.isNegative()) {
      throw new IllegalArgumentException("cooldown must be a non-negative duration, got " + cooldown);
    }
    if (zone == null) {
      throw new IllegalArgumentException("zone is required");
    }
  }

  /** An organisation's alert settings, with the default cool-down and zone. */
  public static DetectorSettings of(AlertSettings settings) {
    return new DetectorSettings(settings.sensitivity(), settings.minVolume(), DEFAULT_COOLDOWN, DEFAULT_ZONE);
  }
}
