package io.nhslistener.app.demo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nhslistener.core.config.ValueTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads scenario files. The built-in scenario and its watchlist are classpath resources under {@code demo/}; a
 * scenario given on the command line is a file whose watchlist path is relative to it.
 */
public final class ScenarioLoader {
  /** The scenario the demo replays by default. */
  public static final String BUILT_IN = "demo/northshire-maternity.yaml";

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule().addDeserializer(Duration.class, new ShortDurationDeserializer()))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private ScenarioLoader() {}

  /**
   * A loaded scenario and the text of its watchlist.
   *
   * @param scenario the scenario
   * @param watchlistYaml its watchlist, as YAML
   */
  public record Loaded(Scenario scenario, String watchlistYaml) {}

  /** The built-in scenario. */
  public static Loaded builtIn() {
    Scenario scenario = read(resource(BUILT_IN), BUILT_IN);
    return new Loaded(scenario, new String(resource("demo/" + scenario.watchlist()), StandardCharsets.UTF_8));
  }

  /**
   * A scenario file and its watchlist.
   *
   * @throws IllegalArgumentException naming the file and the problem when either cannot be read
   */
  public static Loaded load(Path file) {
    try {
      Scenario scenario = read(Files.readAllBytes(file), file.toString());
      Path watchlist = file.toAbsolutePath().getParent().resolve(scenario.watchlist());
      return new Loaded(scenario, Files.readString(watchlist));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read scenario " + file + ": " + e.getMessage(), e);
    }
  }

  private static Scenario read(byte[] yaml, String origin) {
    try {
      return YAML.readValue(yaml, Scenario.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid scenario " + origin + ": " + e.getMessage(), e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " in the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Durations written as {@code 10h}, {@code 5m}, {@code 10h05m} or ISO-8601. */
  private static final class ShortDurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = parser.getValueAsString();
      try {
        Duration total = Duration.ZERO;
        for (String part : text.split("(?<=[a-z])(?=\\d)")) {
          total = total.plus(ValueTypes.DURATION.parse(part));
        }
        return total;
      } catch (IllegalArgumentException e) {
        return (Duration) context.handleWeirdStringValue(Duration.class, text, e.getMessage());
      }
    }
  }
}
