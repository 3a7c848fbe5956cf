package io.nhslistener.app.broker;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how a fatal fault inside the embedded broker ends the process. Kafka halts the JVM when its metadata state
 * can no longer be trusted; we keep that (a process serving from a broken log would lose data silently) but log the
 * reason and print it to stderr first, so an operator sees why the listener stopped.
 */
final class BrokerFaults {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerFaults.class);

  private BrokerFaults() {}

  static void install() {
    Exit.setHaltProcedure((status, message) -> {
      String reason = "embedded Kafka broker hit a fatal fault and the process must stop (status " + status + ")"
          + (message == null ? "" : ": " + message);
      LOG.error(reason);
      System.err.println("listener: " + reason);
      Runtime.getRuntime().halt(status);
    });
  }
}
