package io.nhslistener.app.process;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/** Asks the broker how many partitions a topic actually has (which may differ from the configured count). */
final class TopicPartitions {
  private static final long TIMEOUT_SECONDS = 30;

  private TopicPartitions() {}

  static int count(Map<String, Object> kafka, String topic) {
    try (Admin admin = Admin.create(kafka)) {
      return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .get(topic).partitions().size();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot describe " + topic + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing " + topic, e);
    }
  }
}
