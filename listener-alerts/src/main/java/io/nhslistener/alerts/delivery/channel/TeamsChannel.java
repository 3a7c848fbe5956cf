package io.nhslistener.alerts.delivery.channel;

import io.nhslistener.alerts.delivery.message.Notification;
import io.nhslistener.alerts.delivery.message.TeamsMessage;
import java.net.URI;

/** Posts Adaptive Card messages to a Microsoft Teams workflow webhook. The webhook URL is the credential. */
public final class TeamsChannel implements Channel {
  private final URI url;
  private final TeamsMessage message;
  private final HttpSender http;

  public TeamsChannel(URI url, TeamsMessage message, HttpSender http) {
    this.url = url;
    this.message = message;
    this.http = http;
  }

  @Override
  public String type() {
    return "teams";
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
