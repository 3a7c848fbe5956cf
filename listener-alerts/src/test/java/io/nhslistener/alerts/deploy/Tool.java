package io.nhslistener.alerts.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An external command-line tool (promtool, amtool, prometheus) found on the PATH. Tests needing one run only in the
 * Maven profile {@code prometheus}, where CI has installed Debian's {@code prometheus} and
 * {@code prometheus-alertmanager} packages; a missing tool there is a failure, not a skip.
 */
public final class Tool {
  /** What a run printed and how it ended. */
  public record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  private final Path executable;

  private Tool(Path executable) {
    this.executable = executable;
  }

  /** The tool, or a failure saying how to install it. */
  public static Tool require(String name, String debianPackage) {
    Optional<Path> found = find(name);
    assertTrue(found.isPresent(), name + " is not on the PATH: install it with 'apt-get install -y " + debianPackage
        + "' (the prometheus profile needs it)");
    return new Tool(found.get());
  }

  /** Runs the tool with {@code args} in {@code dir}, feeding {@code stdin} when given; waits up to a minute. */
  public Result run(Path dir, String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(command + " did not finish within a minute");
    }
    return new Result(process.exitValue(), output);
  }

  /** Starts the tool as a long-running child process, output to {@code log}. */
  public Process start(Path dir, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
  }

  private static Optional<Path> find(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
