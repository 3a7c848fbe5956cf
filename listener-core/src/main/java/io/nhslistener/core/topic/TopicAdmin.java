package io.nhslistener.core.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalogue's topics idempotently and reports, without changing it, every existing topic whose partition
 * count, cleanup policy or retention differs from the catalogue: those are an operator's to choose. The one setting it
 * corrects is the timestamp type ({@link Topic#STAMPED_ON_APPEND}), because with event-time stamps the broker's
 * retention deletes records of old mentions before the pipeline reads them.
 */
public final class TopicAdmin {
  private static final long TIMEOUT_SECONDS = 30;

  /** The configs {@link #describe} reports: every key {@link Topic#configs()} may set. */
  private static final List<String> REPORTED_CONFIGS = List.of(TopicConfig.CLEANUP_POLICY_CONFIG,
      TopicConfig.RETENTION_MS_CONFIG, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);

  private final Admin admin;
  private final TopicSettings settings;

  public TopicAdmin(Admin admin, TopicSettings settings) {
    this.admin = admin;
    this.settings = settings;
  }

  /**
   * Creates every missing topic of {@code topics}, sets the timestamp type of existing ones that differ, and checks
   * the rest of their settings.
   *
   * @return what was created or corrected and which existing topics differ from the catalogue
   * @throws TopicAdminException when the broker cannot be reached or refuses a creation or correction
   */
  public TopicReport ensure(Collection<Topic<?, ?>> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<String> created = new ArrayList<>();
      List<NewTopic> toCreate = new ArrayList<>();
      for (Topic<?, ?> topic : topics) {
        if (!existing.contains(topic.name())) {
          toCreate.add(new NewTopic(topic.name(), settings.partitions(topic), settings.replicationFactor())
              .configs(topic.configs()));
        }
      }
      for (var entry : admin.createTopics(toCreate).values().entrySet()) {
        try {
          entry.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
          created.add(entry.getKey());
        } catch (ExecutionException e) {
          // Another process created it between our listing and our request: that is the idempotent outcome.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      List<String> corrected = alignTimestampTypes(topics);
      return new TopicReport(List.copyOf(created), corrected, differences(topics));
    } catch (ExecutionException | TimeoutException e) {
      throw new TopicAdminException("cannot create topics: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicAdminException("interrupted while creating topics", e);
    }
  }

  /** The actual partition count and configs of each topic on the broker, for display. */
  public Map<String, TopicState> describe(Collection<Topic<?, ?>> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<String> names = topics.stream().map(Topic::name).toList();
    Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<String> present = names.stream().filter(existing::contains).toList();
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(present).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<ConfigResource> resources = present.stream()
        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
    Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<String, TopicState> states = new LinkedHashMap<>();
    for (Topic<?, ?> topic : topics) {
      TopicDescription description = descriptions.get(topic.name());
      if (description == null) {
        states.put(topic.name(), TopicState.MISSING);
        continue;
      }
      Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
      Map<String, String> values = new HashMap<>();
      for (String key : REPORTED_CONFIGS) {
        String value = valueOf(config, key);
        if (value != null) {
          values.put(key, value);
        }
      }
      states.put(topic.name(), new TopicState(true, description.partitions().size(),
          description.partitions().get(0).replicas().size(), values));
    }
    return states;
  }

  /** Sets {@code message.timestamp.type} where an existing topic's differs from the catalogue's. */
  private List<String> alignTimestampTypes(Collection<Topic<?, ?>> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<String, TopicState> states = describe(topics);
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
    List<String> corrected = new ArrayList<>();
    for (Topic<?, ?> topic : topics) {
      String wanted = topic.configs().get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
      String actual = states.get(topic.name()).config(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
      if (wanted != null && actual != null && !wanted.equals(actual)) {
        changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), List.of(new AlterConfigOp(
            new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, wanted), AlterConfigOp.OpType.SET)));
        corrected.add(topic.name() + ": " + TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG + " was " + actual
            + ", set to " + wanted);
      }
    }
    if (!changes.isEmpty()) {
      admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    return corrected;
  }

  private List<String> differences(Collection<Topic<?, ?>> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<String, TopicState> states = describe(topics);
    List<String> differences = new ArrayList<>();
    for (Topic<?, ?> topic : topics) {
      TopicState state = states.get(topic.name());
      if (!state.exists()) {
        differences.add(topic.name() + ": missing after creation");
        continue;
      }
      int wantedPartitions = settings.partitions(topic);
      if (state.partitions() != wantedPartitions) {
        differences.add(topic.name() + ": has " + state.partitions() + " partitions, the catalogue says "
            + wantedPartitions);
      }
      for (Map.Entry<String, String> wanted : topic.configs().entrySet()) {
        String actual = state.config(wanted.getKey());
        if (!wanted.getValue().equals(actual)) {
          differences.add(topic.name() + ": " + wanted.getKey() + " is " + actual + ", the catalogue says "
              + wanted.getValue());
        }
      }
    }
    return differences;
  }

  private static String valueOf(Config config, String name) {
    ConfigEntry entry = config == null ? null : config.get(name);
    return entry == null ? null : entry.value();
  }

  private static String describe(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
