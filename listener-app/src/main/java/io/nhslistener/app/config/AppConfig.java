package io.nhslistener.app.config;

import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.core.config.ConfigLoader;
import io.nhslistener.core.config.ConfigSchema;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.config.TypedSection;
import io.nhslistener.ingest.IngestSettings;
import io.nhslistener.streams.StreamsSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The whole configuration schema of the application: core keys plus every module's keys and typed sections. */
public final class AppConfig {
  private AppConfig() {}

  /** A loader over the full schema, reading overrides from {@code env}. */
  public static ConfigLoader loader(Map<String, String> env) {
    ConfigSchema schema = ConfigSchema.of(CoreSettings.ALL).with(StreamsSettings.ALL).with(AlertsSettings.ALL);
    List<TypedSection> sections = List.of(IngestSettings.SOURCES, AlertsSettings.ROUTES);
    return new ConfigLoader(schema, sections, env);
  }

  /** Loads and validates {@code file} with the process environment's overrides. */
  public static ListenerConfig load(Path file) {
    return loader(System.getenv()).load(file);
  }

  /** The defaults, with the process environment's overrides: what runs when no file is given. */
  public static ListenerConfig defaults() {
    return loader(System.getenv()).parse("", "(defaults)");
  }
}
