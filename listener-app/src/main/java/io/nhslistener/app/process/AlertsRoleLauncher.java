package io.nhslistener.app.process;

import io.nhslistener.alerts.delivery.DeliveryService;
import io.nhslistener.alerts.delivery.RulesTopicWatchDirectory;
import io.nhslistener.alerts.topology.AlertDetection;
import java.time.Duration;

/**
 * The alerts role: detection ({@code listener.org.stats} to {@code listener.alerts}, a Kafka Streams topology) and
 * delivery of {@code listener.alerts} to each organisation's routes.
 */
final class AlertsRoleLauncher implements RoleLauncher {
  /** How long to wait for the watchlist to load from {@code listener.rules} before delivering. */
  private static final Duration WATCHLIST_LOAD = Duration.ofSeconds(30);

  @Override
  public RunningRole start(ProcessContext context) {
    RulesTopicWatchDirectory watches = RulesTopicWatchDirectory.start(context.kafkaProperties(), WATCHLIST_LOAD);
    AlertDetection detection;
    DeliveryService delivery;
    try {
      detection = AlertDetection.start(context.config(), context.kafkaProperties(), context.registry(),
          context.clock());
    } catch (RuntimeException e) {
      watches.close();
      throw e;
    }
    try {
      delivery = DeliveryService.start(context.config(), context.kafkaProperties(), context.registry(),
          context.clock(), watches);
    } catch (RuntimeException e) {
      detection.close();
      watches.close();
      throw e;
    }
    return new StartedRole(Role.ALERTS.label(), () -> detection.isRunning() && delivery.isRunning(), () -> {
      detection.close();
      delivery.close();
      watches.close();
    });
  }
}
