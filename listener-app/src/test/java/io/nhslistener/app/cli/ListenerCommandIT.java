package io.nhslistener.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.app.broker.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: a child JVM per command. */
class ListenerCommandIT {
  @TempDir Path dir;

  private Map<String, String> ports() {
    return Map.of(
        "LISTENER_BROKER_PORT", Integer.toString(FreePorts.pick()),
        "LISTENER_BROKER_CONTROLLER_PORT", Integer.toString(FreePorts.pick()),
        "LISTENER_METRICS_ADDRESS", "127.0.0.1:" + FreePorts.pick());
  }

  @Test
  void demoRunsForItsDurationExitsZeroAndReusesItsDataDir() throws Exception {
    Map<String, String> env = ports();
    ChildProcess.Result first = ChildProcess.run(dir, env, Duration.ofSeconds(90), "demo", "--for", "5s",
        "--data-dir", "demo-data");
    assertEquals(0, first.exitCode(), first.stderr());
    assertTrue(first.stdout().contains("Summary after"), first.stdout());
    assertTrue(first.stderr().contains("Created topics"), first.stderr());
    assertFalse(first.stderr().contains("threads still running"), first.stderr());

    ChildProcess.Result second = ChildProcess.run(dir, env, Duration.ofSeconds(90), "demo", "--for", "3s",
        "--data-dir", "demo-data");
    assertEquals(0, second.exitCode(), second.stderr());
    assertFalse(second.stderr().contains("Created topics"), "topics are reused: " + second.stderr());
    assertTrue(Files.exists(dir.resolve("demo-data/kafka/meta.properties")));
  }

  @Test
  void aTakenBrokerPortFailsWithinTenSecondsNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      Map<String, String> env = Map.of("LISTENER_BROKER_PORT", Integer.toString(taken.getLocalPort()),
          "LISTENER_BROKER_CONTROLLER_PORT", Integer.toString(FreePorts.pick()));
      ChildProcess.Result result = ChildProcess.run(dir, env, Duration.ofSeconds(30), "demo", "--for", "30s",
          "--data-dir", "demo-data");
      assertNotEquals(0, result.exitCode());
      assertTrue(result.elapsed().compareTo(Duration.ofSeconds(10)) < 0, "took " + result.elapsed());
      assertTrue(result.stderr().contains("port " + taken.getLocalPort()), result.stderr());
    }
  }

  @Test
  void anInvalidConfigurationExitsTwoWithOneLinePerProblem() throws IOException, InterruptedException {
    Files.writeString(dir.resolve("bad.yaml"), """
        dataDir: ./data
        brokr:
          port: 9092
        topics:
          mentionPartitions: lots
        metrics:
          address: nowhere
        """);
    ChildProcess.Result result = ChildProcess.run(dir, Map.of(), Duration.ofSeconds(30), "run", "--config",
        "bad.yaml");
    assertEquals(2, result.exitCode(), result.stderr());
    List<String> problems = result.stderr().lines().filter(line -> line.startsWith("  ")).toList();
    assertEquals(3, problems.size(), result.stderr());
    assertTrue(problems.get(0).contains("brokr.port: unknown key"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("topics.mentionPartitions = lots")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("metrics.address = nowhere")), problems.toString());
  }

  @Test
  void aMissingRequiredValueIsNamed() throws IOException, InterruptedException {
    Files.writeString(dir.resolve("listener.yaml"), "dataDir: ./data\n");
    ChildProcess.Result result = ChildProcess.run(dir, Map.of(), Duration.ofSeconds(30), "run", "--config",
        "listener.yaml", "--role", "ingest");
    assertEquals(2, result.exitCode(), result.stderr());
    assertTrue(result.stderr().contains("privacy.hmacKey: is required"), result.stderr());
  }
}
