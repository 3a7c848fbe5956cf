package io.nhslistener.alerts.delivery.message;

import static io.nhslistener.alerts.delivery.message.MessageFixtures.WORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nhslistener.core.serde.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Teams rendering; the payload rules are checked by {@link TeamsPayloads}. */
class TeamsMessageTest {
  private final TeamsMessage teams = new TeamsMessage(WORDING);

  @Test
  void aSingleAlertIsAnAdaptiveCardAttachment() throws Exception {
    ObjectNode message = teams.render(MessageFixtures.single());
    JsonNode card = TeamsPayloads.assertCardMessage(message);
    assertEquals(List.of("RichTextBlock", "RichTextBlock", "FactSet", "RichTextBlock", "RichTextBlock",
        "RichTextBlock"), types(card.get("body")));
    assertEquals("HIGH: surge in mentions of Northshire Hospitals <NHS> FT", card.at("/body/0/inlines/0/text").asText());
    assertEquals("Attention", card.at("/body/0/inlines/0/color").asText());
    assertEquals("Severity", card.at("/body/2/facts/0/title").asText());
    assertEquals("HIGH", card.at("/body/2/facts/0/value").asText());
    assertEquals("• Waited <6 hours> in A&E & no one came", card.at("/body/4/inlines/0/text").asText(),
        "post text goes verbatim into a text run, which Teams does not read as markdown");
    assertEquals("https://mastodon.example/@someone/1", card.at("/body/4/inlines/1/selectAction/url").asText());
    assertEquals("Action.OpenUrl", card.at("/actions/0/type").asText());
    assertEquals("https://grafana.example.nhs.uk/d/nhs-listener/nhs-listener?var-org=north-trust",
        card.at("/actions/0/url").asText());
  }

  @Test
  void aHugeGroupStaysUnderTheCardSizeLimit() throws Exception {
    ObjectNode message = teams.render(MessageFixtures.group(60));
    JsonNode card = TeamsPayloads.assertCardMessage(message);
    JsonNode body = card.get("body");
    assertEquals(1 + TeamsMessage.MAX_ALERTS + 1, body.size());
    assertEquals("…and 40 more alerts; see the dashboard", body.get(body.size() - 1).at("/inlines/0/text").asText());
    assertTrue(Json.mapper().writeValueAsBytes(message).length < 28 * 1024);
  }

  private static List<String> types(JsonNode elements) {
    List<String> types = new ArrayList<>();
    elements.forEach(element -> types.add(element.get("type").asText()));
    return types;
  }
}
