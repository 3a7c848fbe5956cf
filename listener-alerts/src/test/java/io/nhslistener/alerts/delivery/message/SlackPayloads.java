package io.nhslistener.alerts.delivery.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks payloads against the structure Slack's Block Kit reference gives (docs.slack.dev/reference/block-kit):
 * a message has at most 50 blocks; header text is plain_text of at most 150 characters; a section has text (at most
 * 3000) and/or at most 10 fields (each at most 2000); text objects are {@code plain_text} or {@code mrkdwn}; context
 * elements are at most 10; actions hold at most 25 elements; a button has plain_text of at most 75 characters and a
 * URL of at most 3000. The top-level {@code text} is the notification fallback.
 */
public final class SlackPayloads {
  private SlackPayloads() {}

  /** Fails unless the message satisfies the Block Kit rules above. */
  public static void assertBlockKit(JsonNode message) {
    assertTrue(message.get("text").isTextual() && !message.get("text").asText().isBlank(), "fallback text");
    JsonNode blocks = message.get("blocks");
    assertTrue(blocks.isArray() && blocks.size() >= 1 && blocks.size() <= 50, "1 to 50 blocks: " + blocks.size());
    for (JsonNode block : blocks) {
      String type = block.get("type").asText();
      switch (type) {
        case "header" -> assertText(block.get("text"), Set.of("plain_text"), 150);
        case "section" -> {
          assertTrue(block.has("text") || block.has("fields"), "a section needs text or fields");
          if (block.has("text")) {
            assertText(block.get("text"), Set.of("plain_text", "mrkdwn"), 3000);
          }
          if (block.has("fields")) {
            assertTrue(block.get("fields").size() >= 1 && block.get("fields").size() <= 10, "1 to 10 fields");
            block.get("fields").forEach(field -> assertText(field, Set.of("plain_text", "mrkdwn"), 2000));
          }
        }
        case "divider" -> assertEquals(Set.of("type"), fieldNames(block));
        case "context" -> {
          assertTrue(block.get("elements").size() >= 1 && block.get("elements").size() <= 10, "1 to 10 elements");
          block.get("elements").forEach(element -> assertText(element, Set.of("plain_text", "mrkdwn"), 3000));
        }
        case "actions" -> {
          assertTrue(block.get("elements").size() >= 1 && block.get("elements").size() <= 25, "1 to 25 elements");
          for (JsonNode button : block.get("elements")) {
            assertEquals("button", button.get("type").asText());
            assertText(button.get("text"), Set.of("plain_text"), 75);
            String url = button.get("url").asText();
            assertTrue(url.startsWith("https://") && url.length() <= 3000, url);
          }
        }
        default -> throw new AssertionError("not a block type this sender should use: " + type);
      }
    }
  }

  private static void assertText(JsonNode text, Set<String> types, int max) {
    assertTrue(types.contains(text.get("type").asText()), "text type " + text.get("type"));
    String value = text.get("text").asText();
    assertFalse(value.isEmpty(), "empty text");
    assertTrue(value.length() <= max, "text of " + value.length() + " > " + max);
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

}
