package io.nhslistener.alerts.delivery.channel;

import io.nhslistener.alerts.delivery.message.Notification;
import io.nhslistener.alerts.delivery.message.SlackMessage;
import io.nhslistener.core.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/** Posts Block Kit messages to a Slack incoming webhook. The webhook URL is the credential. */
public final class SlackChannel implements Channel {
  private final URI url;
  private final SlackMessage message;
  private final HttpSender http;

  public SlackChannel(URI url, SlackMessage message, HttpSender http) {
    this.url = url;
    this.message = message;
    this.http = http;
  }

  @Override
  public String type() {
    return "slack";
  }

  @Override
  public boolean groupsAlerts() {
    return true;
  }

  @Override
  public void send(Notification notification) throws DeliveryException {
    http.post(url, Map.of("Content-Type", "application/json; charset=utf-8"), json(message.render(notification)));
  }

  static byte[] json(Object tree) {
    try {
      return Json.mapper().writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree always serialises", e);
    }
  }
}
