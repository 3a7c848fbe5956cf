package io.nhslistener.app;

import io.nhslistener.app.cli.BenchCommand;
import io.nhslistener.app.cli.DemoCommand;
import io.nhslistener.app.cli.EvalCommand;
import io.nhslistener.app.cli.ExitCodes;
import io.nhslistener.app.cli.IngestCommand;
import io.nhslistener.app.cli.RulesCommand;
import io.nhslistener.app.cli.RunCommand;
import io.nhslistener.app.cli.TopicsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code listener} command line: wires subcommands and nothing else. */
@Command(
    name = "listener",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Real-time social listening for NHS organisations on Apache Kafka.",
    subcommands = {
        RunCommand.class,
        DemoCommand.class,
        TopicsCommand.class,
        IngestCommand.class,
        RulesCommand.class,
        EvalCommand.class,
        BenchCommand.class,
    })
public final class ListenerMain implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests that run commands in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new ListenerMain())
        .setExecutionExceptionHandler(ExitCodes::onException);
  }
}
