package io.nhslistener.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.app.ListenerMain;
import io.nhslistener.core.config.ConfigSchema;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.Setting;
import io.nhslistener.core.config.TypedSection;
import io.nhslistener.ingest.IngestSettings;
import io.nhslistener.streams.StreamsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, fault test 6: every invalid {@code listener.yaml} key and every invalid watchlist ends {@code listener run}
 * with a clear error naming it and exit status 2, before anything starts.
 *
 * <p>"Before anything starts" is observed, not assumed: the in-process runs point {@code metrics.address} at a port
 * this test holds, and binding it is the first thing a starting process does, so a configuration that gets past
 * validation fails with exit 1 and "cannot serve metrics" instead (the valid base configuration shows that). The
 * child-JVM run checks the real exit status, that no data dir appears, and that the broker never starts.
 */
class BadConfigurationIT {
  private static final Logger LOG = LoggerFactory.getLogger(BadConfigurationIT.class);
  /** Raw values tried in turn until the key's type rejects one; scalars first, a list for single-valued types. */
  private static final List<Object> CANDIDATES = List.of("lots", -7, 99_999_999, List.of("a", "b"));
  private static final String SECRET_VALUE = "s3cr3t-never-echoed";

  @TempDir Path dir;
  private ServerSocket heldMetricsPort;

  @BeforeEach
  void holdMetricsPort() throws IOException {
    heldMetricsPort = new ServerSocket(0, 0, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void releaseMetricsPort() throws IOException {
    heldMetricsPort.close();
  }

  @Test
  void everyKeyWithAValueOfTheWrongKindIsNamedAndNothingStarts() throws Exception {
    Map<String, Object> invalid = new LinkedHashMap<>();
    List<String> freeText = new ArrayList<>();
    ConfigSchema top = ConfigSchema.of(CoreSettings.ALL).with(StreamsSettings.ALL).with(AlertsSettings.ALL);
    top.settings().forEach(setting -> rejected(setting).ifPresentOrElse(raw -> invalid.put(setting.name(), raw),
        () -> freeText.add(setting.name())));
    // The child's metrics address comes from its environment (LISTENER_METRICS_ADDRESS), which overrides the file.
    invalid.remove(CoreSettings.METRICS_ADDRESS.name());
    StringBuilder yaml = new StringBuilder();
    invalid.forEach((key, raw) -> yaml.append('"').append(key).append("\": ").append(yamlOf(raw)).append('\n'));
    List<String> expectedKeys = new ArrayList<>(invalid.keySet());
    yaml.append("brokr:\n  port: 9092\n");
    expectedKeys.add("brokr.port");
    yaml.append("kafka:\n  no.such.property: x\n");
    expectedKeys.add("kafka.no.such.property");
    yaml.append("sources:\n");
    section(IngestSettings.SOURCES, yaml, expectedKeys, freeText);
    yaml.append("routes:\n");
    section(AlertsSettings.ROUTES, yaml, expectedKeys, freeText);
    Path file = Files.writeString(dir.resolve("invalid.yaml"), yaml.toString());

    ListenerChild child = ListenerChild.start(dir, "invalid", Map.of(), "run", "--config", file.toString());
    try {
      assertTrue(child.exitsWithin(Duration.ofSeconds(90)), "still running after 90 s:\n" + child.logTail(40));
      String output = child.log();
      assertEquals(2, child.exitCode(), output);
      List<String> lines = output.lines().filter(line -> line.startsWith("  ")).toList();
      for (String key : expectedKeys) {
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("  " + key + " ") || line.startsWith("  " + key
            + ":")), "no problem line names " + key + ":\n" + output);
      }
      assertEquals(expectedKeys.size(), lines.size(), "one line per problem:\n" + output);
      assertFalse(output.contains("metrics and health on"), "the metrics endpoint started:\n" + output);
      assertFalse(output.contains("Embedded Kafka broker ready"), "the broker started:\n" + output);
      assertFalse(Files.exists(dir.resolve("data")), "the default data dir was created");
      LOG.info("RELIABILITY bad-config: {} invalid, missing or unknown keys, each named once; exit 2 in {} s; "
          + "free-text keys (any single value is valid, checked by meaning below): {}", expectedKeys.size(),
          child.age().toSeconds(), freeText);
    } finally {
      child.close();
    }
  }

  /** Adds one entry per type of a typed section, every key of the type invalid where its type allows. */
  private static void section(TypedSection section, StringBuilder yaml, List<String> expectedKeys,
      List<String> freeText) {
    section.schemas().forEach((type, schema) -> {
      String id = "bad-" + type;
      String prefix = section.name() + "." + id + ".";
      if (section.keyedByMap()) {
        yaml.append("  ").append(id).append(":\n    ").append(section.typeKey()).append(": ").append(type)
            .append('\n');
      } else {
        yaml.append("  - id: ").append(id).append("\n    ").append(section.typeKey()).append(": ").append(type)
            .append('\n');
      }
      for (Setting<?> setting : schema.settings()) {
        Optional<Object> raw = rejected(setting);
        if (raw.isPresent()) {
          yaml.append("    \"").append(setting.name()).append("\": ").append(yamlOf(raw.get())).append('\n');
          expectedKeys.add(prefix + setting.name());
        } else if (setting.isRequired()) {
          expectedKeys.add(prefix + setting.name());
        } else {
          freeText.add(prefix + setting.name());
        }
      }
      yaml.append("    unknownKey: 1\n");
      expectedKeys.add(prefix + "unknownKey");
    });
  }

  /** The first candidate the key's type rejects, if any. */
  private static Optional<Object> rejected(Setting<?> setting) {
    for (Object candidate : CANDIDATES) {
      try {
        setting.type().parse(candidate);
      } catch (IllegalArgumentException e) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static String yamlOf(Object raw) {
    return raw instanceof List<?> list ? "[" + String.join(", ", list.stream().map(Object::toString).toList()) + "]"
        : raw.toString();
  }

  @Test
  void theValidBaseConfigurationGetsAsFarAsStarting() throws IOException {
    Run run = run(baseConfig(""), "all");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("cannot serve metrics"), run.err());
  }

  /**
   * Values of the right kind that are wrong in meaning or together: each must be caught before anything starts,
   * naming the key, and a secret's value must not be echoed.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("meaningProblems")
  void aValueWrongInMeaningIsNamedBeforeAnythingStarts(String key, String yaml, String role) throws IOException {
    Run run = run(baseConfig(yaml), role);
    assertEquals(2, run.exitCode(), "exit status; output:\n" + run.err());
    assertTrue(run.err().lines().anyMatch(line -> line.startsWith("  " + key)), "names " + key + ":\n" + run.err());
    assertFalse(run.err().contains(SECRET_VALUE), "a secret was echoed:\n" + run.err());
  }

  static Stream<Arguments> meaningProblems() {
    return Stream.of(
        Arguments.of("privacy.hmacKey", "privacy:\n  hmacKey: short\n", "ingest"),
        Arguments.of("streams.rollups", "streams:\n  window: 1m\n  rollups: [90s]\n", "streams"),
        Arguments.of("alerts.window", "streams:\n  window: 1m\nalerts:\n  window: 30s\n", "all"),
        Arguments.of("alerts.defaultRoutes", "alerts:\n  defaultRoutes: [nowhere]\n", "alerts"),
        Arguments.of("routes.hook.secret", "routes:\n  console:\n    channel: log\n  hook:\n    channel: webhook\n"
            + "    url: https://hooks.example.org/x\n    secret: " + SECRET_VALUE.substring(0, 8) + "\n", "alerts"),
        Arguments.of("routes.hook.url", "routes:\n  console:\n    channel: log\n  hook:\n    channel: webhook\n"
            + "    url: ftp://hooks.example.org/x\n    secret: " + SECRET_VALUE + "-long-enough\n", "alerts"),
        Arguments.of("routes.mail.to", "routes:\n  console:\n    channel: log\n  mail:\n    channel: email\n"
            + "    host: smtp.example.org\n    from: listener@example.org\n    to: [not an address]\n", "alerts"),
        Arguments.of("alerts.tls.trustStore", "alerts:\n  tls:\n    trustStore: /nonexistent/store.p12\n",
            "alerts"),
        Arguments.of("sources.tags.hashtag", "sources:\n  - id: tags\n    type: mastodon\n"
            + "    instance: https://mastodon.example\n    stream: hashtag\n", "ingest"),
        Arguments.of("sources.rd.clientSecret", "sources:\n  - id: rd\n    type: reddit\n    listings: [/r/nhs/new]\n"
            + "    clientId: abc\n", "ingest"),
        Arguments.of("sources.old.file", "sources:\n  - id: old\n    type: replay\n    file: /nonexistent.jsonl\n",
            "ingest"),
        Arguments.of("kafka.no.such.property", "kafka:\n  no.such.property: x\n", "all"),
        Arguments.of("watchlist", "watchlist: /nonexistent/watchlist.yaml\n", "all"),
        Arguments.of("--role", "", "everything"));
  }

  /** Each watchlist mistake, alone in an otherwise valid file, stops {@code run} with its location. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("watchlistProblems")
  void anInvalidWatchlistIsNamedBeforeAnythingStarts(String what, String organisations, String expected)
      throws IOException {
    Path watchlist = Files.writeString(dir.resolve("watchlist.yaml"), organisations);
    Run run = run(baseConfig("watchlist: \"" + watchlist + "\"\n"), "all");
    assertEquals(2, run.exitCode(), what + "; output:\n" + run.err());
    assertTrue(run.err().contains("watchlist " + watchlist), run.err());
    assertTrue(run.err().contains(expected), what + ": expected '" + expected + "' in:\n" + run.err());
  }

  static Stream<Arguments> watchlistProblems() {
    String org = "organisations:\n  - id: trust-a\n    name: Trust A\n    type: trust\n";
    String rules = "    rules:\n      - id: name\n        query: 'trust a'\n";
    return Stream.of(
        Arguments.of("not YAML", "organisations: [\n", "line"),
        Arguments.of("no organisations", "orgs: []\n", "organisations"),
        Arguments.of("missing name", "organisations:\n  - id: trust-a\n    type: trust\n" + rules, "name"),
        Arguments.of("invalid id", org.replace("trust-a", "Trust A!") + rules, "id"),
        Arguments.of("duplicate organisation", org + rules + org.substring("organisations:\n".length()) + rules,
            "trust-a"),
        Arguments.of("unknown type", org.replace("type: trust", "type: hospital") + rules, "type"),
        Arguments.of("unknown key", org + rules + "    colour: blue\n", "colour"),
        Arguments.of("unbalanced query", org + "    rules:\n      - id: name\n        query: '(trust OR'\n",
            "rules[0].query"),
        Arguments.of("empty query", org + "    rules:\n      - id: name\n        query: ''\n", "rules[0].query"),
        Arguments.of("duplicate rule ids", org + rules + "      - id: name\n        query: 'other'\n", "name"),
        Arguments.of("unknown language", org + "    rules:\n      - id: name\n        query: 'a'\n"
            + "        languages: [english]\n", "languages"),
        Arguments.of("unknown route", org + rules + "    routes:\n      - nowhere\n", "nowhere"),
        Arguments.of("unknown parent", org.replace("type: trust", "type: trust\n    parent: ghost") + rules, "ghost"),
        Arguments.of("sensitivity out of range", org + rules + "    alerting:\n      sensitivity: 11\n",
            "sensitivity"),
        Arguments.of("quiet hours not a time", org + rules + "    alerting:\n      quietHours: {from: '25:00', "
            + "to: '07:00', zone: Europe/London}\n", "from"));
  }

  /** A valid configuration with {@code extra} YAML on top; the metrics address is the held port. */
  private String baseConfig(String extra) {
    Map<String, String> base = new LinkedHashMap<>();
    base.put("dataDir", "dataDir: \"" + dir.resolve("data") + "\"\n");
    base.put("kafka", "kafka:\n  bootstrap.servers: 127.0.0.1:1\n");
    base.put("privacy", "privacy:\n  hmacKey: " + SECRET_VALUE + "-0123456789\n");
    base.put("metrics", "metrics:\n  address: 127.0.0.1:" + heldMetricsPort.getLocalPort() + "\n");
    base.put("routes", "routes:\n  console:\n    channel: log\n");
    StringBuilder yaml = new StringBuilder();
    base.forEach((section, text) -> {
      if (!extra.startsWith(section + ":") && !extra.contains("\n" + section + ":")) {
        yaml.append(text);
      }
    });
    return yaml.append(extra).toString();
  }

  private record Run(int exitCode, String err) {}

  /** {@code listener run} in this JVM, with output captured. */
  private Run run(String yaml, String role) throws IOException {
    Path file = Files.writeString(dir.resolve("listener.yaml"), yaml);
    StringWriter err = new StringWriter();
    int code = ListenerMain.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter()))
        .execute("run", "--config", file.toString(), "--role", role);
    return new Run(code, err.toString());
  }
}
