package io.nhslistener.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.core.config.ConfigSchema;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.config.Setting;
import io.nhslistener.core.config.TypedSection;
import io.nhslistener.ingest.IngestSettings;
import io.nhslistener.streams.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code examples/listener.yaml} is valid and documents every key the application knows. */
class ExampleConfigurationTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "listener.yaml");

  @Test
  void theExampleIsValid() {
    ListenerConfig config = AppConfig.loader(Map.of("LISTENER_HMAC_KEY", "a-test-key-of-sixteen-bytes"))
        .load(EXAMPLE);
    assertEquals("a-test-key-of-sixteen-bytes", config.get(CoreSettings.HMAC_KEY));
    assertTrue(config.usesEmbeddedBroker());
  }

  @Test
  void everyTopLevelKeyIsWrittenOut() throws Exception {
    JsonNode root = new YAMLMapper().readTree(EXAMPLE.toFile());
    List<String> missing = new ArrayList<>();
    List<Setting<?>> all = new ArrayList<>(CoreSettings.ALL);
    all.addAll(StreamsSettings.ALL);
    all.addAll(AlertsSettings.ALL);
    for (Setting<?> setting : all) {
      JsonNode node = root;
      for (String part : setting.name().split("\\.")) {
        node = node == null ? null : node.get(part);
      }
      boolean commentedOut = Files.readString(EXAMPLE).contains("# " + leaf(setting) + ":");
      if (node == null && !commentedOut) {
        missing.add(setting.name());
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everySourceAndChannelKeyIsShown() throws Exception {
    String text = Files.readString(EXAMPLE);
    List<String> missing = new ArrayList<>();
    for (TypedSection section : List.of(IngestSettings.SOURCES, AlertsSettings.ROUTES)) {
      for (Map.Entry<String, ConfigSchema> type : section.schemas().entrySet()) {
        assertTrue(text.contains(section.typeKey() + ": " + type.getKey()), "no example of " + type.getKey());
        for (Setting<?> setting : type.getValue().settings()) {
          if (!text.contains(leaf(setting) + ":")) {
            missing.add(section.name() + "." + type.getKey() + "." + setting.name());
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  private static String leaf(Setting<?> setting) {
    String name = setting.name();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
