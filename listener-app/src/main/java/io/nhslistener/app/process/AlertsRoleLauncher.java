package io.nhslistener.app.process;

import io.nhslistener.alerts.delivery.DeliveryService;
import io.nhslistener.alerts.delivery.RulesTopicWatchDirectory;
import java.time.Duration;

/** The alerts role: delivery of {@code listener.alerts} to each organisation's routes. */
final class AlertsRoleLauncher implements RoleLauncher {
  /** How long to wait for the watchlist to load from {@code listener.rules} before delivering. */
  private static final Duration WATCHLIST_LOAD = Duration.ofSeconds(30);

  @Override
  public RunningRole start(ProcessContext context) {
    RulesTopicWatchDirectory watches = RulesTopicWatchDirectory.start(context.kafkaProperties(), WATCHLIST_LOAD);
    DeliveryService delivery;
    try {
      delivery = DeliveryService.start(context.config(), context.kafkaProperties(), context.registry(),
          context.clock(), watches);
    } catch (RuntimeException e) {
      watches.close();
      throw e;
    }
    return new StartedRole(Role.ALERTS.label(), delivery::isRunning, () -> {
      delivery.close();
      watches.close();
    });
  }
}
