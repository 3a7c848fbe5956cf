package io.nhslistener.app.cli;

import io.nhslistener.app.config.AppConfig;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.config.ValueTypes;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.core.topic.Topic;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.TopicState;
import io.nhslistener.core.topic.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.TopicConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code listener topics}: the catalogue next to what the broker actually has. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Lists the topic catalogue and, when a broker is reachable, each topic's actual state.")
public final class TopicsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "listener.yaml (default: built-in defaults)")
  Path configFile;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
      description = "Broker to ask (default: kafka.bootstrap.servers, else the embedded broker's address)")
  String bootstrap;

  @Override
  public Integer call() throws Exception {
    ListenerConfig config = configFile == null ? AppConfig.defaults() : AppConfig.load(configFile);
    TopicSettings settings = new TopicSettings(config.get(CoreSettings.MENTION_PARTITIONS),
        config.get(CoreSettings.ORGANISATION_PARTITIONS), config.get(CoreSettings.REPLICATION_FACTOR).shortValue());
    String servers = bootstrap != null ? bootstrap : config.kafka().getOrDefault("bootstrap.servers",
        config.get(CoreSettings.BROKER_HOST) + ":" + config.get(CoreSettings.BROKER_PORT));
    Map<String, Object> props = new HashMap<>(config.kafka());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
    Map<String, TopicState> states = Map.of();
    String brokerNote;
    try (Admin admin = Admin.create(props)) {
      states = new TopicAdmin(admin, settings).describe(Topics.ALL);
      brokerNote = "broker " + servers;
    } catch (Exception e) {
      brokerNote = "broker " + servers + " not reachable (" + e.getClass().getSimpleName() + "): catalogue only";
    }
    print(spec.commandLine().getOut(), settings, states, brokerNote);
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, TopicSettings settings, Map<String, TopicState> states, String note) {
    out.println(note);
    String format = "%-26s %-14s %-8s %-9s %-10s %s%n";
    out.printf(format, "TOPIC", "VALUE", "CLEANUP", "RETENTION", "PARTITIONS", "ON BROKER");
    for (Topic<?, ?> topic : Topics.ALL) {
      String value = topic.valueSerde() instanceof JsonSerde<?> json
          ? json.type().getSimpleName() : "bytes";
      String retention = topic.retention() == null ? "-" : ValueTypes.format(topic.retention());
      TopicState state = states.get(topic.name());
      String actual = state == null ? "?" : !state.exists() ? "missing"
          : state.partitions() + " partitions, " + state.config(TopicConfig.CLEANUP_POLICY_CONFIG) + ", retention.ms="
              + state.config(TopicConfig.RETENTION_MS_CONFIG) + ", "
              + state.config(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
      out.printf(format, topic.name(), value, topic.cleanup().policy(), retention, settings.partitions(topic), actual);
    }
    out.flush();
  }
}
