package io.nhslistener.core.model;

/**
 * How an organisation wants to be alerted.
 *
 * @param sensitivity multiplier on the detector's default sensitivity: above 1 alerts on smaller deviations, below 1
 *     only on larger ones; in (0, 10]
 * @param minVolume fewest mentions in a window before a volume alert may fire; sentiment alerts need at least this many
 * @param quietHours hours when non-critical alerts for this organisation are held for a digest, or null
 * @param escalateToParent whether alerts of at least HIGH severity also go to the parent organisation's routes
 */
public record AlertSettings(double sensitivity, int minVolume, QuietHours quietHours, boolean escalateToParent) {
  public static final double DEFAULT_SENSITIVITY = 1.0;
  public static final int DEFAULT_MIN_VOLUME = 5;
  public static final AlertSettings DEFAULTS =
      new AlertSettings(DEFAULT_SENSITIVITY, DEFAULT_MIN_VOLUME, null, false);

  public AlertSettings {
    if (!(sensitivity > 0 && sensitivity <= 10)) {
      throw new RecordFormatException("AlertSettings", "sensitivity", sensitivity, "must be in (0, 10]");
    }
    Fields.nonNegative("AlertSettings", "minVolume", minVolume);
  }
}
