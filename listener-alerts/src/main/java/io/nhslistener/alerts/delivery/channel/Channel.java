package io.nhslistener.alerts.delivery.channel;

import io.nhslistener.alerts.delivery.message.Notification;

/**
 * Where a route's messages go. A channel sends synchronously and either returns (the receiver accepted the message)
 * or throws; it keeps no queue of its own, so nothing is acknowledged before the receiver has it. Implementations are
 * used from one delivery thread.
 */
public interface Channel {
  /** The channel type, a bounded metric label: {@code webhook}, {@code slack}, {@code teams}, {@code email}, {@code log}. */
  String type();

  /**
   * Whether several alerts may share one message. Webhooks say no: each alert is its own request, so that its
   * {@code Idempotency-Key} is the alert id.
   */
  boolean groupsAlerts();

  /**
   * Sends one message.
   *
   * @throws DeliveryException when the receiver did not accept it, saying whether to retry
   * @throws IllegalStateException when given several alerts although {@link #groupsAlerts()} is false (such a
   *     channel gets one alert per notification, a digest of one included)
   */
  void send(Notification notification) throws DeliveryException;
}
