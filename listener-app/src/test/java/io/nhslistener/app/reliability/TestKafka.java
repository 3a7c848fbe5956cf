package io.nhslistener.app.reliability;

import io.nhslistener.app.broker.BrokerSettings;
import io.nhslistener.app.broker.EagerRetention;
import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.app.broker.KafkaTestClients;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The fault scenarios' broker: the embedded broker on free loopback ports under {@code dir/broker}, with every topic
 * of the catalogue created at three partitions, and plain client properties for it. Its retention check runs every
 * second ({@link EagerRetention}): the scenarios' mentions are dated long before the topics' retention.
 *
 * @param broker the running broker
 * @param clients {@code bootstrap.servers} and the test clients' defaults; a mutable copy per instance
 */
public record TestKafka(EmbeddedBroker broker, Map<String, Object> clients) implements AutoCloseable {
  public static TestKafka start(Path dir) throws Exception {
    EmbeddedBroker broker = EmbeddedBroker.start(new BrokerSettings(dir.resolve("broker"), "127.0.0.1",
        FreePorts.pick(), FreePorts.pick(), "PLAINTEXT", EagerRetention.PROPERTIES, List.of()));
    Map<String, Object> clients = new HashMap<>(KafkaTestClients.base(broker.bootstrapServers()));
    try (Admin admin = Admin.create(clients)) {
      new TopicAdmin(admin, new TopicSettings(3, 3, (short) 1)).ensure(Topics.ALL);
    }
    return new TestKafka(broker, clients);
  }

  public String bootstrap() {
    return broker.bootstrapServers();
  }

  @Override
  public void close() {
    broker.close();
  }
}
