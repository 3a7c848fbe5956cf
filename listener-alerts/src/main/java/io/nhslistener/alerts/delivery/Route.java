package io.nhslistener.alerts.delivery;

import io.nhslistener.alerts.delivery.channel.Channel;
import io.nhslistener.core.model.QuietHours;
import java.util.Objects;
import java.util.Optional;

/**
 * A named destination from the {@code routes:} section of {@code listener.yaml}.
 *
 * @param id route id, as watches name it
 * @param channel where its messages go
 * @param quietHours daily hours in which its non-critical alerts are held for a digest, or null
 */
public record Route(String id, Channel channel, QuietHours quietHours) {
  public Route {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
  }

  public Optional<QuietHours> quiet() {
    return Optional.ofNullable(quietHours);
  }
}
