package io.nhslistener.app.process;

import io.nhslistener.alerts.metrics.Health;
import io.nhslistener.alerts.metrics.HealthCheck;
import java.util.Map;

/**
 * {@code /health} for a process: the endpoint starts before the process exists, so it reports "starting" (down) until
 * the process is attached, then the state of the broker and of each running role.
 */
final class RoleHealth implements HealthCheck {
  private volatile ListenerProcess process;

  void watch(ListenerProcess started) {
    process = started;
  }

  @Override
  public Health check() {
    ListenerProcess current = process;
    return current == null ? new Health(Map.of("starting", false)) : current.health();
  }
}
