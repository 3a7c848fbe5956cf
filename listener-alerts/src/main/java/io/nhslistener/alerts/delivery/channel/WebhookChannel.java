package io.nhslistener.alerts.delivery.channel;

import io.nhslistener.alerts.delivery.message.Notification;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.topic.Topics;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * POSTs each alert, as the same JSON it has on {@code listener.alerts}, signed with {@link WebhookSignature} and
 * carrying the alert id as {@code Idempotency-Key}: a receiver that stores the keys it has seen sees every alert once,
 * however often a delivery is retried.
 */
public final class WebhookChannel implements Channel {
  private final URI url;
  private final WebhookSignature signature;
  private final HttpSender http;
  private final Clock clock;

  public WebhookChannel(URI url, WebhookSignature signature, HttpSender http, Clock clock) {
    this.url = url;
    this.signature = signature;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public boolean groupsAlerts() {
    return false;
  }

  @Override
  public void send(Notification notification) throws DeliveryException {
    Alert alert = notification.only().alert();
    byte[] body = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert);
    long timestamp = clock.instant().getEpochSecond();
    http.post(url, Map.of(
        "Content-Type", "application/json",
        WebhookSignature.IDEMPOTENCY_HEADER, alert.id(),
        WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
        WebhookSignature.SIGNATURE_HEADER, signature.sign(timestamp, body)), body);
  }
}
