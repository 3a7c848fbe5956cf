package io.nhslistener.alerts.delivery.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks payloads against the structure Microsoft documents for posting a card through a Teams workflow webhook: a
 * {@code message} whose {@code attachments} hold one item of content type
 * {@code application/vnd.microsoft.card.adaptive} with {@code contentUrl} null and the card as {@code content}; the
 * card is {@code type: AdaptiveCard} with a {@code version} Teams renders (at most 1.5) and a {@code body} of
 * elements; {@code Action.OpenUrl} carries {@code url}; a card stays under 28 KB.
 */
public final class TeamsPayloads {
  private TeamsPayloads() {}

  /** Fails unless the payload has the documented shape; returns the card. */
  public static JsonNode assertCardMessage(JsonNode message) {
    assertEquals("message", message.get("type").asText());
    assertEquals(1, message.get("attachments").size());
    JsonNode attachment = message.get("attachments").get(0);
    assertEquals("application/vnd.microsoft.card.adaptive", attachment.get("contentType").asText());
    assertTrue(attachment.get("contentUrl").isNull());
    JsonNode card = attachment.get("content");
    assertEquals("AdaptiveCard", card.get("type").asText());
    assertEquals("http://adaptivecards.io/schemas/adaptive-card.json", card.get("$schema").asText());
    assertTrue(Double.parseDouble(card.get("version").asText()) <= 1.5, "Teams renders up to 1.5");
    card.get("body").forEach(TeamsPayloads::assertElement);
    if (card.has("actions")) {
      card.get("actions").forEach(TeamsPayloads::assertOpenUrl);
    }
    return card;
  }

  private static void assertElement(JsonNode element) {
    switch (element.get("type").asText()) {
      case "RichTextBlock" -> element.get("inlines").forEach(run -> {
        assertEquals("TextRun", run.get("type").asText());
        assertTrue(!run.get("text").asText().isEmpty(), "a text run has text");
        if (run.has("selectAction")) {
          assertOpenUrl(run.get("selectAction"));
        }
      });
      case "FactSet" -> element.get("facts").forEach(fact -> {
        assertTrue(fact.get("title").isTextual() && fact.get("value").isTextual(), "a fact has title and value");
      });
      case "Container" -> element.get("items").forEach(TeamsPayloads::assertElement);
      default -> throw new AssertionError("unexpected card element " + element.get("type"));
    }
  }

  private static void assertOpenUrl(JsonNode action) {
    assertEquals("Action.OpenUrl", action.get("type").asText());
    assertTrue(action.get("url").asText().startsWith("https://"), action.toString());
    assertTrue(!action.get("title").asText().isEmpty(), "an action has a title");
  }

}
