package io.nhslistener.app.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.app.ListenerMain;
import io.nhslistener.app.broker.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code listener …} process in a child JVM with the test classpath, as an operator would run it: its own log
 * file, its metrics endpoint on a fresh loopback port ({@code LISTENER_METRICS_ADDRESS}), and ways to scrape it, kill
 * it without warning ({@code SIGKILL}) or stop it politely ({@code SIGTERM}).
 */
public final class ListenerChild implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  private final int metricsPort;
  private final long startedNanos = System.nanoTime();
  private volatile Duration firstWork;

  private ListenerChild(Process process, Path log, int metricsPort) {
    this.process = process;
    this.log = log;
    this.metricsPort = metricsPort;
  }

  /**
   * Starts {@code listener args…} in {@code dir} with extra environment variables; stdout and stderr go to
   * {@code dir/<name>.log}.
   */
  public static ListenerChild start(Path dir, String name, Map<String, String> env, String... args) throws IOException {
    int port = FreePorts.pick();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), ListenerMain.class.getName()));
    command.addAll(List.of(args));
    Path log = dir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    builder.environment().put("LISTENER_METRICS_ADDRESS", "127.0.0.1:" + port);
    return new ListenerChild(builder.start(), log, port);
  }

  /**
   * Starts a child as {@link #start} does and waits up to three minutes until it reports healthy.
   *
   * @throws AssertionError with the end of its log if it dies first
   */
  public static ListenerChild startHealthy(Path dir, String name, Map<String, String> env, String... args)
      throws IOException {
    ListenerChild child = start(dir, name, env, args);
    await(name + " up").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .until(() -> !child.isAlive() || child.healthy());
    assertTrue(child.isAlive(), child.logTail(60));
    return child;
  }

  /** The Prometheus text at {@code /metrics}, or empty while the endpoint is not up. */
  public String scrape() {
    return get("/metrics");
  }

  /** The {@code /health} JSON, or empty while the endpoint is not up. */
  public String health() {
    return get("/health");
  }

  /** True once {@code /health} reports every component up. */
  public boolean healthy() {
    return health().startsWith("{\"status\":\"UP\"");
  }

  private String get(String path) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + metricsPort + path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return response.body();
    } catch (IOException e) {
      // Not up yet, or no longer: callers poll again or report the log.
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits up to {@code limit} for the process to exit; true when it did. */
  public boolean exitsWithin(Duration limit) throws InterruptedException {
    return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The process's exit status; waits for it. */
  public int exitCode() throws InterruptedException {
    return process.waitFor();
  }

  /**
   * Scrapes the process's work counters ({@link PipelineProgress}) and notes, the first time they show any work, how
   * long after its start that was: its recovery time after a restart. Call it while polling.
   *
   * @return the units of work done so far
   */
  public long observeWork() {
    long units = PipelineProgress.units(scrape());
    if (units > 0 && firstWork == null) {
      firstWork = age();
    }
    return units;
  }

  /** How long after its start the process first did work, as far as {@link #observeWork()} saw; null if never. */
  public Duration firstWork() {
    return firstWork;
  }

  /** Time since this process was started. */
  public Duration age() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** SIGKILL: no shutdown hook, no flush, no commit. Waits until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /**
   * SIGTERM, the operator's stop; waits up to {@code limit} for a clean exit.
   *
   * @return the exit status
   * @throws AssertionError when the process does not stop in time (it is then killed)
   */
  public int stop(Duration limit) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("listener did not stop within " + limit + " after SIGTERM");
    }
    return process.exitValue();
  }

  /** Everything the process printed so far. */
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** The last {@code lines} lines of the log, for failure messages. */
  public String logTail(int lines) {
    List<String> all = log().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Kills the process if it still runs. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
