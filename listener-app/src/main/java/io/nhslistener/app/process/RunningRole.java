package io.nhslistener.app.process;

/** A started role; closing it stops it and releases its threads. */
public interface RunningRole extends AutoCloseable {
  /** Role name for logs. */
  String name();

  /** Stops the role; must not throw for an already stopped role. */
  @Override
  void close();
}
