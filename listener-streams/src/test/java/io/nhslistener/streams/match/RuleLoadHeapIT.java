package io.nhslistener.streams.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams role restores the whole of {@code listener.rules} into the Monitor at start-up. With issue 4's load
 * (10,000 rules across 6,500 organisations) registered as one Monitor update, that needed more than a gigabyte of heap
 * and failed with {@code OutOfMemoryError} in the default 1 GiB listener JVM; in batches it fits in a small fraction.
 * The load runs in a child JVM whose heap is capped at {@value #HEAP_MB} MiB.
 */
class RuleLoadHeapIT {
  private static final int HEAP_MB = 256;

  @Test
  void tenThousandRulesLoadInASmallHeap(@TempDir Path dir) throws IOException, InterruptedException {
    Path log = dir.resolve("load.log");
    Process child = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + HEAP_MB + "m",
        "-cp", System.getProperty("java.class.path"),
        LoadRules.class.getName(), "6500", "10000"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean finished = child.waitFor(2, TimeUnit.MINUTES);
    child.destroyForcibly();
    String output = Files.readString(log);
    assertTrue(finished, "the load did not finish in 2 minutes:\n" + output);
    assertEquals(0, child.exitValue(), "the load failed in " + HEAP_MB + " MiB:\n" + output);
    assertTrue(output.lines().anyMatch("rules 10000"::equals), "expected 10,000 live rules:\n" + output);
  }
}
