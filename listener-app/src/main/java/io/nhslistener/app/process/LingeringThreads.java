package io.nhslistener.app.process;

import java.util.List;

/** Finds non-daemon threads still alive after a clean stop: each one would keep the JVM from exiting. */
public final class LingeringThreads {
  private LingeringThreads() {}

  /** Names of live non-daemon threads other than the caller and the JVM's own. */
  public static List<String> find() {
    Thread self = Thread.currentThread();
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon() && t != self && !t.getName().equals("DestroyJavaVM"))
        .map(Thread::getName)
        .sorted()
        .toList();
  }
}
