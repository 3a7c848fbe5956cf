package io.nhslistener.app.process;

/** Starts one role in a process. */
@FunctionalInterface
public interface RoleLauncher {
  /**
   * Starts the role and returns once it is running.
   *
   * @throws RuntimeException when the role cannot start; the process then stops what it started and exits
   */
  RunningRole start(ProcessContext context);
}
