package io.nhslistener.app.cli;

import io.nhslistener.app.ListenerMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the {@code listener} command line in a child JVM, as a user would, with the test's classpath. */
public final class ChildProcess {
  private ChildProcess() {}

  /**
   * The outcome of one run.
   *
   * @param exitCode process exit status
   * @param stdout everything printed on stdout
   * @param stderr everything printed on stderr
   * @param elapsed wall time from start to exit
   */
  public record Result(int exitCode, String stdout, String stderr, Duration elapsed) {}

  /** Starts {@code listener args…} with extra environment variables; output goes to files under {@code dir}. */
  public static Process start(Path dir, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), ListenerMain.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Runs to completion, failing the test if it takes longer than {@code limit}. */
  public static Result run(Path dir, Map<String, String> env, Duration limit, String... args)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = start(dir, env, args);
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("listener " + String.join(" ", args) + " did not finish within " + limit
          + "; stderr:\n" + read(dir.resolve("stderr.txt")));
    }
    return new Result(process.exitValue(), read(dir.resolve("stdout.txt")), read(dir.resolve("stderr.txt")),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
