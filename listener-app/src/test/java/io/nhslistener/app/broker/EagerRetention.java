package io.nhslistener.app.broker;

import java.util.Map;

/**
 * Broker properties that run the retention check every second instead of every five minutes, so that a test whose
 * mentions are dated in the past (beyond the topics' retention) finds out at once whether the broker deletes them
 * before the pipeline has read them.
 */
public final class EagerRetention {
  /** {@code log.retention.check.interval.ms} of one second. */
  public static final Map<String, String> PROPERTIES = Map.of("log.retention.check.interval.ms", "1000");

  private EagerRetention() {}
}
