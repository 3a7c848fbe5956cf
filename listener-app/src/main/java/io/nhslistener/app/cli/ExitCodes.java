package io.nhslistener.app.cli;

import io.nhslistener.app.broker.BrokerStartException;
import io.nhslistener.core.config.ConfigException;
import io.nhslistener.core.config.ConfigProblem;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Exit codes of every command, decided in one place: 0 success, 1 failure at run time, 2 invalid configuration or
 * usage. An invalid configuration prints one line per problem, naming the key.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int INVALID_CONFIG = 2;

  private ExitCodes() {}

  /** picocli execution-exception handler. */
  public static int onException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    if (e instanceof ConfigException config) {
      commandLine.getErr().println("listener: invalid configuration (" + config.problems().size() + " problem"
          + (config.problems().size() == 1 ? "" : "s") + "):");
      for (ConfigProblem problem : config.problems()) {
        commandLine.getErr().println("  " + problem.render());
      }
      return INVALID_CONFIG;
    }
    if (e instanceof BrokerStartException) {
      commandLine.getErr().println("listener: " + e.getMessage());
      return FAILURE;
    }
    commandLine.getErr().println("listener: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    return FAILURE;
  }
}
