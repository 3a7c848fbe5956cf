package io.nhslistener.app.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code listener.yaml} for the fault scenarios: an external broker (the test's), three partitions per topic, the
 * {@link MentionScenario}'s windows (10 s, one-hour grace, one-minute roll-ups), its watchlist, and optionally a
 * replay source, routes and further sources. Consumers time out a dead member after 10 s, so a killed process's
 * partitions move on quickly; this is ordinary client configuration under {@code kafka:}.
 */
public final class PipelineConfig {
  public static final String HMAC_KEY = "reliability-hmac-key-0123456789";

  private final Map<String, String> kafka = new LinkedHashMap<>();
  private final Map<String, String> alerts = new LinkedHashMap<>(Map.of("window", "10s"));
  private final Map<String, Map<String, String>> routes = new LinkedHashMap<>();
  private final Path dataDir;
  private Path watchlist;
  private final Map<String, Map<String, String>> sources = new LinkedHashMap<>();
  private String hmacKey = HMAC_KEY;
  private Path replay;
  private double replaySpeed;

  public PipelineConfig(String bootstrap, Path dataDir) {
    kafka.put("bootstrap.servers", bootstrap);
    kafka.put("session.timeout.ms", "10000");
    this.dataDir = dataDir;
    routes.put("console", Map.of("channel", "log"));
  }

  /** An {@code alerts.*} key, dotted below {@code alerts}, e.g. {@code delivery.initialBackoff}. */
  public PipelineConfig alerts(String key, String value) {
    alerts.put(key, value);
    return this;
  }

  /** A route besides the default {@code console} (a log route). */
  public PipelineConfig route(String id, Map<String, String> settings) {
    routes.put(id, settings);
    return this;
  }

  /**
   * Delivers every alert to the webhook route {@code hook} at {@code url}: no cool-down and no grouping, so each alert
   * record is one delivery, retried from {@code initialBackoff} up to {@code maxBackoff} between attempts.
   */
  public PipelineConfig webhookDelivery(String url, String secret, String initialBackoff, String maxBackoff) {
    return route("hook", Map.of("channel", "webhook", "url", url, "secret", secret))
        .alerts("cooldown", "0s")
        .alerts("groupWindow", "0s")
        .alerts("delivery.initialBackoff", initialBackoff)
        .alerts("delivery.maxBackoff", maxBackoff);
  }

  public PipelineConfig kafka(String key, String value) {
    kafka.put(key, value);
    return this;
  }

  public PipelineConfig watchlist(Path file) {
    watchlist = file;
    return this;
  }

  /** A replay source of {@code Mention} lines at {@code speed} (0: as fast as possible). */
  public PipelineConfig replay(Path file, double speed) {
    replay = file;
    replaySpeed = speed;
    return this;
  }

  /** The pseudonymisation key, e.g. a {@code ${env:…}} reference; {@link #HMAC_KEY} by default. */
  public PipelineConfig hmacKey(String value) {
    hmacKey = value;
    return this;
  }

  /** A source besides the replay: its id and settings, {@code type} among them. */
  public PipelineConfig source(String id, Map<String, String> settings) {
    sources.put(id, settings);
    return this;
  }



  public String yaml() {
    StringBuilder yaml = new StringBuilder();
    yaml.append("dataDir: ").append(quoted(dataDir)).append('\n');
    yaml.append("kafka:\n");
    kafka.forEach((key, value) -> yaml.append("  ").append(key).append(": ").append(quoted(value)).append('\n'));
    yaml.append("topics:\n  mentionPartitions: 3\n  organisationPartitions: 3\n");
    yaml.append("privacy:\n  hmacKey: ").append(quoted(hmacKey)).append('\n');
    if (watchlist != null) {
      yaml.append("watchlist: ").append(quoted(watchlist)).append('\n');
    }
    yaml.append("streams:\n  window: 10s\n  grace: 1h\n  rollups: [1m]\n");
    yaml.append("alerts:\n");
    alerts.forEach((key, value) -> yaml.append("  ").append(key).append(": ").append(quoted(value)).append('\n'));
    yaml.append("routes:\n");
    routes.forEach((id, settings) -> {
      yaml.append("  ").append(id).append(":\n");
      settings.forEach((key, value) -> yaml.append("    ").append(key).append(": ").append(quoted(value))
          .append('\n'));
    });
    if (replay != null || !sources.isEmpty()) {
      yaml.append("sources:\n");
    }
    if (replay != null) {
      yaml.append("  - id: replay\n    type: replay\n    file: ").append(quoted(replay))
          .append("\n    format: mention\n    speed: ").append(replaySpeed).append('\n');
    }
    sources.forEach((id, settings) -> {
      yaml.append("  - id: ").append(quoted(id)).append('\n');
      settings.forEach((key, value) -> yaml.append("    ").append(key).append(": ").append(quoted(value))
          .append('\n'));
    });
    return yaml.toString();
  }

  public Path write(Path file) throws IOException {
    Files.writeString(file, yaml());
    return file;
  }

  private static String quoted(Object value) {
    return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
