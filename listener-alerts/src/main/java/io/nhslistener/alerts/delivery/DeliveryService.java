package io.nhslistener.alerts.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.alerts.AlertsSettings;
import io.nhslistener.alerts.metrics.AlertMeters;
import io.nhslistener.alerts.metrics.DeliveryMeters;
import io.nhslistener.alerts.metrics.KafkaMeters;
import io.nhslistener.core.config.ConfigException;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.deadletter.DeadLetters;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts role's delivery: consumes {@code listener.alerts} (read_committed, consumer group
 * {@code alerts.delivery.groupId}) and delivers each alert to its routes with cool-down, grouping, quiet-hours
 * digests and retries, at least once; what cannot be delivered goes to {@code listener.deadletter}. Several instances
 * share the partitions through the consumer group.
 *
 * <p>Usage: {@code try (var delivery = DeliveryService.start(config, kafka, registry, clock, watches)) { … }}.
 */
public final class DeliveryService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryService.class);
  private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration MIN_REPLAY = Duration.ofHours(24);

  private final DeliveryLoop loop;
  private final Thread thread;
  private final KafkaProducer<byte[], byte[]> producer;
  private final List<AutoCloseable> binders;

  private DeliveryService(DeliveryLoop loop, KafkaProducer<byte[], byte[]> producer, List<AutoCloseable> binders) {
    this.loop = loop;
    this.producer = producer;
    this.binders = binders;
    this.thread = new Thread(loop, "alerts-delivery");
  }

  /**
   * Builds the routes and starts delivering.
   *
   * @param config validated configuration: {@code alerts.*} keys and the {@code routes:} section
   * @param kafka Kafka client properties ({@code bootstrap.servers} and security)
   * @param registry where delivery, alert and Kafka client meters go
   * @param clock wall clock
   * @param watches the watchlist, e.g. {@link RulesTopicWatchDirectory}
   * @throws ConfigException when a route is invalid; nothing is started then
   */
  public static DeliveryService start(ListenerConfig config, Map<String, Object> kafka, MeterRegistry registry,
      Clock clock, WatchDirectory watches) {
    Routes routes = Routes.fromConfig(config, clock);
    Duration cooldown = config.get(AlertsSettings.COOLDOWN);
    Duration replay = cooldown.multipliedBy(2).compareTo(MIN_REPLAY) > 0 ? cooldown.multipliedBy(2) : MIN_REPLAY;
    RetryPolicy retry = new RetryPolicy(config.get(AlertsSettings.INITIAL_BACKOFF),
        config.get(AlertsSettings.MAX_BACKOFF), config.get(AlertsSettings.MAX_AGE), new SecureRandom());

    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(kafka, config),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(kafka), new ByteArraySerializer(),
        new ByteArraySerializer());
    List<AutoCloseable> binders = new ArrayList<>();
    binders.add(KafkaMeters.bind(registry, consumer));
    binders.add(KafkaMeters.bind(registry, producer));

    DeliveryEngine engine = new DeliveryEngine(new DeliveryEngine.Parts(
        new RouteSelector(routes, watches, config.get(AlertsSettings.DEFAULT_ROUTES)),
        watches,
        new AlertViews(watches, new DashboardLinks(config.get(AlertsSettings.DASHBOARD_URL))),
        new NoiseFilter(cooldown, replay),
        retry,
        config.get(AlertsSettings.GROUP_WINDOW),
        new DeadLetters(registry, clock),
        new KafkaDeadLetterSink(producer, DEAD_LETTER_TIMEOUT),
        new DeliveryMeters(registry),
        new AlertMeters(registry),
        clock));
    DeliveryService service = new DeliveryService(new DeliveryLoop(consumer, engine, clock, replay), producer,
        binders);
    service.thread.start();
    LOG.info("alert delivery started: routes {}, consumer group {}", routes.ids(),
        config.get(AlertsSettings.GROUP_ID));
    return service;
  }

  /** True while delivery runs; false once it stopped on an error (a health probe). */
  public boolean isRunning() {
    return thread.isAlive() && loop.healthy();
  }

  /** Stops after the current step, commits what is finished, and closes the clients. */
  @Override
  public void close() {
    loop.stop();
    try {
      thread.join(Duration.ofSeconds(60).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
    for (AutoCloseable binder : binders) {
      try {
        binder.close();
      } catch (Exception e) {
        LOG.warn("closing a Kafka meter binder failed: {}", e.toString());
      }
    }
  }

  private static Map<String, Object> consumerProps(Map<String, Object> kafka, ListenerConfig config) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.get(AlertsSettings.GROUP_ID));
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "listener-alerts-delivery");
    return props;
  }

  private static Map<String, Object> producerProps(Map<String, Object> kafka) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DEAD_LETTER_TIMEOUT.toMillis());
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) DEAD_LETTER_TIMEOUT.toMillis() / 2);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "listener-alerts-deadletter");
    return props;
  }
}
