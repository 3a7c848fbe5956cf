package io.nhslistener.alerts.delivery.message;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.SampleMention;

/**
 * Renders a notification as a small HTML document for the e-mail's HTML part. Every piece of text is escaped, and
 * links are only written for http(s) URLs, since sample posts are third-party content.
 */
public final class HtmlMessage {
  private final Wording wording;

  public HtmlMessage(Wording wording) {
    this.wording = wording;
  }

  /** A complete HTML document. */
  public String render(Notification notification) {
    StringBuilder html = new StringBuilder(2048);
    html.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(wording.heading(notification)))
        .append("</title></head>\n<body style=\"font-family:Arial,Helvetica,sans-serif;color:#212b32\">\n");
    if (notification.kind() != Notification.Kind.SINGLE) {
      html.append("<h1 style=\"font-size:20px\">").append(escape(wording.heading(notification))).append("</h1>\n");
    }
    for (AlertView view : notification.alerts()) {
      appendAlert(html, view, notification.kind() == Notification.Kind.SINGLE);
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  private void appendAlert(StringBuilder html, AlertView view, boolean withSamples) {
    Alert alert = view.alert();
    html.append("<div style=\"border-left:6px solid ").append(colour(alert))
        .append(";padding:4px 12px;margin:12px 0\">\n")
        .append("<h2 style=\"font-size:17px;margin:4px 0\">").append(escape(wording.headline(view))).append("</h2>\n")
        .append("<p>").append(escape(wording.sentence(view))).append("</p>\n")
        .append("<p><strong>Severity:</strong> ").append(escape(wording.severity(alert)))
        .append(", ").append(escape(wording.since(alert))).append("<br>\n")
        .append("<strong>Top terms:</strong> ").append(escape(wording.topTerms(alert))).append("</p>\n");
    if (withSamples && !alert.samples().isEmpty()) {
      html.append("<p><strong>Sample posts</strong></p>\n<ul>\n");
      for (SampleMention sample : wording.samples(alert)) {
        html.append("<li>").append(escape(PlainTextMessage.oneLine(sample.text())));
        if (isWebLink(sample.url())) {
          html.append(" <a href=\"").append(escape(sample.url())).append("\">view post</a>");
        }
        html.append("</li>\n");
      }
      html.append("</ul>\n");
    }
    html.append("<p><a href=\"").append(escape(view.dashboard().toString()))
        .append("\">Open the dashboard for ").append(escape(view.orgName())).append("</a></p>\n</div>\n");
  }

  /** Escapes text for HTML element content and double-quoted attributes. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static boolean isWebLink(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://"));
  }

  private static String colour(Alert alert) {
    if (alert.status() == AlertStatus.RESOLVED) {
      return "#007f3b";
    }
    return switch (alert.severity()) {
      case LOW -> "#768692";
      case MEDIUM -> "#ffb81c";
      case HIGH -> "#ed8b00";
      case CRITICAL -> "#d5281b";
    };
  }
}
