package io.nhslistener.alerts.delivery.message;

import static io.nhslistener.alerts.delivery.message.MessageFixtures.WORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slack rendering; the payload rules are checked by {@link SlackPayloads}. */
class SlackMessageTest {
  private final SlackMessage slack = new SlackMessage(WORDING);

  @Test
  void aSingleAlertFollowsBlockKit() {
    ObjectNode message = slack.render(MessageFixtures.single());
    SlackPayloads.assertBlockKit(message);
    JsonNode blocks = message.get("blocks");
    assertEquals(List.of("header", "section", "section", "section", "actions"), types(blocks));
    assertEquals("HIGH: surge in mentions of Northshire Hospitals <NHS> FT", blocks.get(0).at("/text/text").asText());
    assertEquals("Mentions of Northshire Hospitals &lt;NHS&gt; FT rose to 84 in 10 minutes, about 7 times the usual "
        + "for a Tuesday afternoon; 62% negative.", blocks.get(1).at("/text/text").asText());
    assertEquals("*Severity*\nHIGH", blocks.get(2).at("/fields/0/text").asText());
    String samples = blocks.get(3).at("/text/text").asText();
    assertTrue(samples.contains("• Waited &lt;6 hours&gt; in A&amp;E &amp; no one came "
        + "<https://mastodon.example/@someone/1|view post>"), samples);
    assertEquals("https://grafana.example.nhs.uk/d/nhs-listener/nhs-listener?var-org=north-trust",
        blocks.get(4).at("/elements/0/url").asText());
    assertEquals("HIGH: surge in mentions of Northshire Hospitals <NHS> FT", message.get("text").asText());
  }

  @Test
  void aGroupListsEveryAlertCompactly() {
    ObjectNode message = slack.render(MessageFixtures.group(3));
    SlackPayloads.assertBlockKit(message);
    assertEquals(List.of("header", "section", "divider", "section", "divider", "section", "divider"),
        types(message.get("blocks")));
    assertTrue(message.at("/blocks/3/text/text").asText().startsWith("*MEDIUM: surge in mentions of Trust number 1*"));
  }

  @Test
  void aHugeGroupStaysWithinFiftyBlocksAndSaysHowManyMore() {
    ObjectNode message = slack.render(MessageFixtures.group(60));
    SlackPayloads.assertBlockKit(message);
    JsonNode blocks = message.get("blocks");
    JsonNode last = blocks.get(blocks.size() - 1);
    assertEquals("context", last.get("type").asText());
    assertEquals("…and 37 more alerts; see the dashboard", last.at("/elements/0/text").asText());
  }

  @Test
  void longTextIsCutToTheLimits() {
    String longName = "N".repeat(400);
    Notification notification = Notification.single(MessageFixtures.view("north-trust", longName,
        Severity.LOW, AlertStatus.FIRING));
    ObjectNode message = slack.render(notification);
    SlackPayloads.assertBlockKit(message);
    assertEquals(150, message.at("/blocks/0/text/text").asText().length());
    assertTrue(message.at("/blocks/0/text/text").asText().endsWith("…"));
  }

  private static List<String> types(JsonNode blocks) {
    List<String> types = new ArrayList<>();
    blocks.forEach(block -> types.add(block.get("type").asText()));
    return types;
  }
}
