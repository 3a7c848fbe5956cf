package io.nhslistener.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Setting<Duration> WINDOW = Setting.optional("streams.window", ValueTypes.DURATION,
      Duration.ofMinutes(1), "window size");
  private static final Setting<Integer> THREADS = Setting.optional("streams.threads", ValueTypes.intIn(1, 32), 1,
      "threads");
  private static final Setting<String> NAME = Setting.required("app.name", ValueTypes.STRING, "application name");
  private static final Setting<String> TOKEN = Setting.secret("token", "API token");
  private static final ConfigSchema MASTODON = ConfigSchema.of(List.of(
      Setting.required("baseUrl", ValueTypes.STRING, "server"),
      Setting.optional("tags", ValueTypes.STRING_LIST, List.of(), "hashtags")));

  private static ConfigLoader loader(Map<String, String> env) {
    return new ConfigLoader(ConfigSchema.of(List.of(WINDOW, THREADS, NAME, TOKEN)),
        List.of(new TypedSection("sources", false, "type", Map.of("mastodon", MASTODON))), env);
  }

  @Test
  void readsValuesDefaultsAndSections() {
    ListenerConfig config = loader(Map.of()).parse("""
        app:
          name: demo
        streams:
          window: 5m
        kafka:
          bootstrap.servers: broker:9092
          security.protocol: SSL
        sources:
          - id: fedi
            type: mastodon
            baseUrl: https://mastodon.example
            tags: [nhs, maternity]
        """, "test");
    assertEquals(Duration.ofMinutes(5), config.get(WINDOW));
    assertEquals(1, config.get(THREADS));
    assertEquals("broker:9092", config.kafka().get("bootstrap.servers"));
    assertFalse(config.usesEmbeddedBroker());
    SectionEntry source = config.section("sources").get(0);
    assertEquals("fedi", source.id());
    assertEquals("mastodon", source.type());
    assertEquals(List.of("nhs", "maternity"), source.values().get(MASTODON.settings().stream()
        .filter(s -> s.name().equals("tags")).findFirst().orElseThrow()));
  }

  @Test
  void environmentOverridesFileValuesAndKafkaProperties() {
    ListenerConfig config = loader(Map.of("LISTENER_STREAMS_WINDOW", "30s", "LISTENER_APP_NAME", "from-env",
        "LISTENER_KAFKA_BOOTSTRAP_SERVERS", "env:9092")).parse("streams:\n  window: 5m\n", "test");
    assertEquals(Duration.ofSeconds(30), config.get(WINDOW));
    assertEquals("from-env", config.get(NAME));
    assertEquals("env:9092", config.kafka().get("bootstrap.servers"));
  }

  @Test
  void secretsResolveFromEnvironmentAndFileReferences(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("token");
    Files.writeString(secret, "s3cr3t\n");
    assertEquals("s3cr3t", loader(Map.of()).parse("app: {name: x}\ntoken: ${file:" + secret + "}\n", "t").get(TOKEN));
    assertEquals("e", loader(Map.of("T", "e")).parse("app: {name: x}\ntoken: ${env:T}\n", "t").get(TOKEN));
  }

  @Test
  void reportsEveryProblemNamingTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).parse("""
        streams:
          window: soon
          threads: many
          colour: blue
        kafka:
          bootstrap.servrs: x:1
        token: ${env:NOT_SET_ANYWHERE}
        sources:
          - id: fedi
            type: mastodon
          - id: fedi
            type: myspace
        """, "test"));
    List<String> keys = e.problems().stream().map(ConfigProblem::key).toList();
    assertTrue(keys.contains("streams.window"), keys.toString());
    assertTrue(keys.contains("streams.threads"), keys.toString());
    assertTrue(keys.contains("streams.colour"), keys.toString());
    assertTrue(keys.contains("kafka.bootstrap.servrs"), keys.toString());
    assertTrue(keys.contains("app.name"), keys.toString());
    assertTrue(keys.contains("token"), keys.toString());
    assertTrue(keys.contains("sources[1].id"), keys.toString());
    assertTrue(keys.contains("sources.fedi.baseUrl"), keys.toString());
    assertEquals(8, e.problems().size(), e.getMessage());
    String window = e.problems().get(keys.indexOf("streams.window")).render();
    assertEquals("streams.window = soon: expected a duration such as 250ms, 30s, 5m, 2h or 7d", window);
  }

  @Test
  void secretValuesAreNeverEchoed() {
    Setting<Integer> secretNumber = Setting.optional("n", ValueTypes.intIn(0, 1), 0, "n");
    ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(
        ConfigSchema.of(List.of(secretNumber)), List.of(), Map.of()).parse("n: 7\nextra: hunter2\n", "t"));
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void invalidYamlIsOneProblemWithItsLine() {
    ConfigException e = assertThrows(ConfigException.class, () -> loader(Map.of()).parse("a: [1,\nb: 2\n", "f.yaml"));
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).key().startsWith("f.yaml line"), e.getMessage());
  }

  @Test
  void durationsAcceptShortAndIsoForms() {
    assertEquals(Duration.ofMillis(250), ValueTypes.DURATION.parse("250ms"));
    assertEquals(Duration.ofDays(7), ValueTypes.DURATION.parse("7d"));
    assertEquals(Duration.ofSeconds(90), ValueTypes.DURATION.parse("PT90S"));
    assertThrows(IllegalArgumentException.class, () -> ValueTypes.DURATION.parse("5 minutes"));
    assertEquals("2h", ValueTypes.format(Duration.ofHours(2)));
  }

  @Test
  void envNamesSplitCamelCase() {
    assertEquals("LISTENER_STREAMS_DEDUPE_HORIZON", Setting.envNameOf("streams.dedupeHorizon"));
    assertEquals("LISTENER_KAFKA_BOOTSTRAP_SERVERS", Setting.envNameOf("kafka.bootstrap.servers"));
  }
}
