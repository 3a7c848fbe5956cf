package io.nhslistener.alerts.delivery.message;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.SampleMention;

/** Renders a notification as plain text: the e-mail's text part and the log channel's lines. */
public final class PlainTextMessage {
  private final Wording wording;

  public PlainTextMessage(Wording wording) {
    this.wording = wording;
  }

  /** The whole message, lines separated by {@code \n}. */
  public String render(Notification notification) {
    StringBuilder text = new StringBuilder();
    if (notification.kind() != Notification.Kind.SINGLE) {
      text.append(wording.heading(notification)).append("\n\n");
    }
    boolean first = true;
    for (AlertView view : notification.alerts()) {
      if (!first) {
        text.append('\n');
      }
      first = false;
      appendAlert(text, view, notification.kind() == Notification.Kind.SINGLE);
    }
    return text.toString();
  }

  private void appendAlert(StringBuilder text, AlertView view, boolean withSamples) {
    Alert alert = view.alert();
    text.append(wording.headline(view)).append('\n')
        .append(wording.sentence(view)).append('\n')
        .append("Severity: ").append(wording.severity(alert)).append(", ").append(wording.since(alert)).append('\n')
        .append("Top terms: ").append(wording.topTerms(alert)).append('\n');
    if (withSamples && !alert.samples().isEmpty()) {
      text.append("Sample posts:\n");
      for (SampleMention sample : wording.samples(alert)) {
        text.append(" - \"").append(oneLine(sample.text())).append('"');
        if (sample.url() != null) {
          text.append(' ').append(sample.url());
        }
        text.append('\n');
      }
    }
    text.append("Dashboard: ").append(view.dashboard()).append('\n');
  }

  /** Posts may contain line breaks; a sample stays on one line so the list stays readable. */
  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
