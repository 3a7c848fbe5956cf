package io.nhslistener.app.process;

/** A started role; closing it stops it and releases its threads. */
public interface RunningRole extends AutoCloseable {
  /** Role name for logs and {@code /health}. */
  String name();

  /** True while the role works; false once it stopped on an error. Probed by {@code /health}; thread-safe. */
  boolean isRunning();

  /** Stops the role; must not throw for an already stopped role. */
  @Override
  void close();
}
