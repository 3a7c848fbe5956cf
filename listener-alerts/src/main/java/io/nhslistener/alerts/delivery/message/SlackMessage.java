package io.nhslistener.alerts.delivery.message;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.serde.Json;
import java.util.List;

/**
 * Renders a notification as a Slack incoming-webhook payload: Block Kit {@code blocks} plus the top-level
 * {@code text} Slack shows in notifications. Respects Block Kit's limits (50 blocks a message, 150 characters in a
 * header, 3000 in a section, 2000 in a field, 75 in a button label) by cutting text and, for very large groups,
 * listing the first alerts and saying how many more there are. Third-party text is escaped for {@code mrkdwn}.
 */
public final class SlackMessage {
  static final int MAX_BLOCKS = 50;
  static final int MAX_HEADER = 150;
  static final int MAX_SECTION = 3000;
  static final int MAX_FIELD = 2000;
  static final int MAX_BUTTON = 75;
  static final int MAX_SAMPLE_TEXT = 280;

  private final Wording wording;

  public SlackMessage(Wording wording) {
    this.wording = wording;
  }

  /** The JSON payload to POST. */
  public ObjectNode render(Notification notification) {
    ObjectNode message = Json.mapper().createObjectNode();
    message.put("text", Limits.cut(wording.heading(notification), MAX_SECTION));
    ArrayNode blocks = message.putArray("blocks");
    blocks.add(header(wording.heading(notification)));
    if (notification.kind() == Notification.Kind.SINGLE) {
      single(blocks, notification.only());
    } else {
      several(blocks, notification.alerts());
    }
    return message;
  }

  private void single(ArrayNode blocks, AlertView view) {
    Alert alert = view.alert();
    blocks.add(section(escape(wording.sentence(view))));
    ObjectNode facts = blocks.addObject().put("type", "section");
    ArrayNode fields = facts.putArray("fields");
    fields.add(mrkdwn(Limits.cut("*Severity*\n" + escape(wording.severity(alert)), MAX_FIELD)));
    fields.add(mrkdwn(Limits.cut("*When*\n" + escape(wording.since(alert)), MAX_FIELD)));
    fields.add(mrkdwn(Limits.cut("*Top terms*\n" + escape(wording.topTerms(alert)), MAX_FIELD)));
    List<SampleMention> samples = wording.samples(alert);
    if (!samples.isEmpty()) {
      StringBuilder text = new StringBuilder("*Sample posts*");
      for (SampleMention sample : samples) {
        text.append("\n• ").append(escape(Limits.cut(PlainTextMessage.oneLine(sample.text()), MAX_SAMPLE_TEXT)));
        if (HtmlMessage.isWebLink(sample.url())) {
          text.append(" <").append(linkTarget(sample.url())).append("|view post>");
        }
      }
      blocks.add(section(text.toString()));
    }
    ObjectNode actions = blocks.addObject().put("type", "actions");
    ObjectNode button = actions.putArray("elements").addObject().put("type", "button");
    button.set("text", plain("Open dashboard", MAX_BUTTON));
    button.put("url", view.dashboard().toString());
  }

  private void several(ArrayNode blocks, List<AlertView> views) {
    // Each alert takes a section and a divider; keep room for the header and a closing "more" line.
    int room = (MAX_BLOCKS - 2) / 2;
    int shown = views.size() <= room ? views.size() : room - 1;
    for (AlertView view : views.subList(0, shown)) {
      Alert alert = view.alert();
      String text = "*" + escape(wording.headline(view)) + "*\n" + escape(wording.sentence(view)) + "\n"
          + escape(wording.since(alert)) + " · top terms: " + escape(wording.topTerms(alert))
          + " · <" + linkTarget(view.dashboard().toString()) + "|dashboard>";
      blocks.add(section(text));
      blocks.addObject().put("type", "divider");
    }
    if (shown < views.size()) {
      ObjectNode context = blocks.addObject().put("type", "context");
      context.putArray("elements").add(mrkdwn("…and " + (views.size() - shown) + " more alerts; see the dashboard"));
    }
  }

  private static ObjectNode header(String text) {
    ObjectNode header = Json.mapper().createObjectNode().put("type", "header");
    header.set("text", plain(text, MAX_HEADER));
    return header;
  }

  private static ObjectNode section(String mrkdwnText) {
    ObjectNode section = Json.mapper().createObjectNode().put("type", "section");
    section.set("text", mrkdwn(Limits.cut(mrkdwnText, MAX_SECTION)));
    return section;
  }

  private static ObjectNode plain(String text, int max) {
    return Json.mapper().createObjectNode().put("type", "plain_text").put("text", Limits.cut(text, max))
        .put("emoji", false);
  }

  private static ObjectNode mrkdwn(String text) {
    return Json.mapper().createObjectNode().put("type", "mrkdwn").put("text", text);
  }

  /** Slack's mrkdwn control characters: the three it asks senders to escape. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A URL inside {@code <url|label>}: the delimiters must not occur in it. */
  private static String linkTarget(String url) {
    return url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C");
  }
}
