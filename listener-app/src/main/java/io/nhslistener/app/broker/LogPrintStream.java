package io.nhslistener.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/** A PrintStream that sends each complete line to a logger at DEBUG, for Kafka tools that print instead of logging. */
final class LogPrintStream extends OutputStream {
  private final Logger log;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private LogPrintStream(Logger log) {
    this.log = log;
  }

  static PrintStream of(Logger log) {
    return new PrintStream(new LogPrintStream(log), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      flushLine();
    } else {
      line.write(b);
    }
  }

  private void flushLine() {
    if (line.size() > 0) {
      log.debug(line.toString(StandardCharsets.UTF_8));
      line.reset();
    }
  }
}
