package io.nhslistener.alerts.delivery.message;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.serde.Json;
import java.util.List;

/**
 * Renders a notification as the body a Microsoft Teams workflow webhook ("When a Teams webhook request is received")
 * posts to a channel: a {@code message} with one Adaptive Card attachment (schema version 1.4, which Teams renders on
 * every client). Text that comes from posts or the watchlist goes into {@code RichTextBlock} text runs, which Teams
 * does not read as markdown. Large groups list the first {@value #MAX_ALERTS} alerts and say how many more there are,
 * keeping the card well under Teams' 28 KB limit.
 */
public final class TeamsMessage {
  static final String CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  static final String CARD_VERSION = "1.4";
  static final int MAX_ALERTS = 20;
  static final int MAX_SAMPLE_TEXT = 280;

  private final Wording wording;

  public TeamsMessage(Wording wording) {
    this.wording = wording;
  }

  /** The JSON payload to POST. */
  public ObjectNode render(Notification notification) {
    ObjectNode message = Json.mapper().createObjectNode().put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject()
        .put("contentType", CARD_CONTENT_TYPE)
        .putNull("contentUrl");
    ObjectNode card = attachment.putObject("content")
        .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard")
        .put("version", CARD_VERSION);
    card.putObject("msteams").put("width", "Full");
    ArrayNode body = card.putArray("body");
    if (notification.kind() == Notification.Kind.SINGLE) {
      single(body, card, notification.only());
    } else {
      body.add(rich(run(wording.heading(notification)).put("weight", "Bolder").put("size", "Large")));
      several(body, notification.alerts());
    }
    return message;
  }

  private void single(ArrayNode body, ObjectNode card, AlertView view) {
    Alert alert = view.alert();
    body.add(rich(run(wording.headline(view)).put("weight", "Bolder").put("size", "Large")
        .put("color", colour(alert))));
    body.add(rich(run(wording.sentence(view))));
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    facts.addObject().put("title", "Severity").put("value", wording.severity(alert));
    facts.addObject().put("title", "When").put("value", wording.since(alert));
    facts.addObject().put("title", "Top terms").put("value", wording.topTerms(alert));
    List<SampleMention> samples = wording.samples(alert);
    if (!samples.isEmpty()) {
      body.add(rich(run("Sample posts").put("weight", "Bolder")));
      for (SampleMention sample : samples) {
        ObjectNode block = rich(run("• " + Limits.cut(PlainTextMessage.oneLine(sample.text()), MAX_SAMPLE_TEXT)));
        if (HtmlMessage.isWebLink(sample.url())) {
          block.withArray("inlines").add(link(" view post", sample.url()));
        }
        body.add(block);
      }
    }
    card.putArray("actions").add(openUrl("Open dashboard", view.dashboard().toString()));
  }

  private void several(ArrayNode body, List<AlertView> views) {
    int shown = Math.min(views.size(), MAX_ALERTS);
    for (AlertView view : views.subList(0, shown)) {
      Alert alert = view.alert();
      ObjectNode container = body.addObject().put("type", "Container").put("separator", true);
      ArrayNode items = container.putArray("items");
      items.add(rich(run(wording.headline(view)).put("weight", "Bolder").put("color", colour(alert))));
      items.add(rich(run(wording.sentence(view))));
      ObjectNode details = rich(run(wording.since(alert) + " · top terms: " + wording.topTerms(alert) + " · ")
          .put("isSubtle", true));
      details.withArray("inlines").add(link("dashboard", view.dashboard().toString()));
      items.add(details);
    }
    if (shown < views.size()) {
      body.add(rich(run("…and " + (views.size() - shown) + " more alerts; see the dashboard").put("isSubtle", true)));
    }
  }

  private static ObjectNode rich(ObjectNode firstRun) {
    ObjectNode block = Json.mapper().createObjectNode().put("type", "RichTextBlock");
    block.putArray("inlines").add(firstRun);
    return block;
  }

  private static ObjectNode run(String text) {
    return Json.mapper().createObjectNode().put("type", "TextRun").put("text", text);
  }

  private static ObjectNode link(String text, String url) {
    ObjectNode run = run(text);
    run.set("selectAction", openUrl(text.strip(), url));
    return run;
  }

  private static ObjectNode openUrl(String title, String url) {
    return Json.mapper().createObjectNode().put("type", "Action.OpenUrl").put("title", title).put("url", url);
  }

  private static String colour(Alert alert) {
    if (alert.status() == AlertStatus.RESOLVED) {
      return "Good";
    }
    return switch (alert.severity()) {
      case LOW -> "Default";
      case MEDIUM -> "Warning";
      case HIGH, CRITICAL -> "Attention";
    };
  }
}
