package io.nhslistener.app.process;

import java.util.function.BooleanSupplier;

/**
 * A running role made of its name, a liveness probe and a stop action.
 *
 * @param name role name
 * @param running liveness probe, thread-safe
 * @param stop stops the role and releases its threads
 */
record StartedRole(String name, BooleanSupplier running, Runnable stop) implements RunningRole {
  @Override
  public boolean isRunning() {
    return running.getAsBoolean();
  }

  @Override
  public void close() {
    stop.run();
  }
}
