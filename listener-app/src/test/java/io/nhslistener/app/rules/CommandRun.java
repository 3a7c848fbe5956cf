package io.nhslistener.app.rules;

import io.nhslistener.app.ListenerMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;

/** One {@code listener} command run in this JVM, with what it printed. */
record CommandRun(int exitCode, String out, String err, Duration took) {
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ListenerMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    long start = System.nanoTime();
    int code = cli.execute(args);
    return new CommandRun(code, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }
}
