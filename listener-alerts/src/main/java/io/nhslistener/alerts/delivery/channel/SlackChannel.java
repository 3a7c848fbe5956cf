package io.nhslistener.alerts.delivery.channel;

import io.nhslistener.alerts.delivery.message.Notification;
import io.nhslistener.alerts.delivery.message.SlackMessage;
import java.net.URI;

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
    http.postJson(url, message.render(notification));
  }
}
