package io.nhslistener.alerts.nab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Locates the shared NAB development set for tests, which skip when it is absent. */
final class NabDevSet {
  private NabDevSet() {}

  /**
   * The development set: the {@code nab.dir} system property, else {@code ../shared/eval/nab} seen from the repository
   * root (tests run in the module directory). Skips the calling test when none exists.
   */
  static Path require() {
    Path dir = Stream.of(System.getProperty("nab.dir"), "../../shared/eval/nab", "../shared/eval/nab")
        .filter(p -> p != null && Files.isRegularFile(Path.of(p, "windows.json")))
        .map(Path::of)
        .findFirst()
        .orElse(null);
    assumeTrue(dir != null, "NAB development set not found (set -Dnab.dir or provide ../shared/eval/nab); skipping");
    return dir;
  }
}
