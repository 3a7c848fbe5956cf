package io.nhslistener.alerts.delivery.channel;

import io.nhslistener.alerts.delivery.message.Notification;
import io.nhslistener.alerts.delivery.message.PlainTextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes messages to the log (the console by default): for trying the system out and for the demo. Never fails. */
public final class LogChannel implements Channel {
  private static final Logger LOG = LoggerFactory.getLogger("io.nhslistener.alerts");

  private final String routeId;
  private final boolean warn;
  private final PlainTextMessage text;

  /**
   * @param level {@code warn} or {@code info}
   */
  public LogChannel(String routeId, String level, PlainTextMessage text) {
    this.routeId = routeId;
    this.warn = "warn".equals(level);
    this.text = text;
  }

  @Override
  public String type() {
    return "log";
  }

  @Override
  public boolean groupsAlerts() {
    return true;
  }

  @Override
  public void send(Notification notification) {
    String message = "[route " + routeId + "]\n" + text.render(notification);
    if (warn) {
      LOG.warn(message);
    } else {
      LOG.info(message);
    }
  }
}
