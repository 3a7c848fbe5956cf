package io.nhslistener.ingest.runner;

import java.time.Duration;

/** Waits; injected so that tests can check a wait was asked for without waiting. */
@FunctionalInterface
public interface Sleeper {
  /** The real one: interruptible, so a stopping runner wakes at once. */
  Sleeper SYSTEM = duration -> {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis());
    }
  };

  void sleep(Duration duration) throws InterruptedException;
}
