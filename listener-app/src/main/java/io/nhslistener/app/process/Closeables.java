package io.nhslistener.app.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closing things at shutdown, when a failure must be reported but must not stop the rest from closing. */
final class Closeables {
  private static final Logger LOG = LoggerFactory.getLogger(Closeables.class);

  private Closeables() {}

  static void close(AutoCloseable resource, String what) {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.warn("{} did not close cleanly: {}", what, e.toString());
    }
  }
}
