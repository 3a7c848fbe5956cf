package io.nhslistener.core.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalogue's topics idempotently and reports, without changing anything, every existing topic whose
 * settings differ from the catalogue: a partition count or retention chosen by an operator is theirs to keep.
 */
public final class TopicAdmin {
  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;
  private final TopicSettings settings;

  public TopicAdmin(Admin admin, TopicSettings settings) {
    this.admin = admin;
    this.settings = settings;
  }

  /**
   * Creates every missing topic of {@code topics} and checks the others.
   *
   * @return what was created and which existing topics differ from the catalogue
   * @throws TopicAdminException when the broker cannot be reached or refuses a creation
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
      return new TopicReport(List.copyOf(created), differences(topics));
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
    for (String name : names) {
      TopicDescription description = descriptions.get(name);
      if (description == null) {
        states.put(name, TopicState.MISSING);
        continue;
      }
      Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
      states.put(name, new TopicState(true, description.partitions().size(),
          description.partitions().get(0).replicas().size(), valueOf(config, "cleanup.policy"),
          valueOf(config, "retention.ms")));
    }
    return states;
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
        String actual = "cleanup.policy".equals(wanted.getKey()) ? state.cleanupPolicy() : state.retentionMs();
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
