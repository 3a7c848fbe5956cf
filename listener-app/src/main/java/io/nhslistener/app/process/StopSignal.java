package io.nhslistener.app.process;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop, instead of an abrupt JVM shutdown: the main thread then
 * closes everything in order, prints its summary and exits 0. A second signal while stopping is ignored.
 */
public final class StopSignal {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);

  private final CountDownLatch requested = new CountDownLatch(1);

  /** Installs handlers for INT and TERM that request a stop. */
  public static StopSignal install() {
    StopSignal stop = new StopSignal();
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), signal -> stop.request());
      } catch (IllegalArgumentException e) {
        LOG.warn("Cannot handle SIG{} on this platform; stop with the other signal", name);
      }
    }
    return stop;
  }

  public void request() {
    requested.countDown();
  }

  /**
   * Waits until a stop is requested or {@code limit} passes (null: no limit).
   *
   * @return true when a stop was requested, false when the limit passed
   */
  public boolean await(Duration limit) throws InterruptedException {
    if (limit == null) {
      requested.await();
      return true;
    }
    return requested.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }
}
