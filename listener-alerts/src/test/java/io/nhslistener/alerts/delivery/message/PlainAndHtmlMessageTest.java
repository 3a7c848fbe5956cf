package io.nhslistener.alerts.delivery.message;

import static io.nhslistener.alerts.delivery.message.MessageFixtures.WORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainAndHtmlMessageTest {
  @Test
  void plainTextOfASingleAlertHasEverythingAnOfficerNeeds() {
    String text = new PlainTextMessage(WORDING).render(MessageFixtures.single());
    assertEquals("""
        HIGH: surge in mentions of Northshire Hospitals <NHS> FT
        Mentions of Northshire Hospitals <NHS> FT rose to 84 in 10 minutes, about 7 times the usual for a Tuesday \
        afternoon; 62% negative.
        Severity: HIGH, since 15:00 on Tue 2 Jun
        Top terms: ambulance (40), a&e (22)
        Sample posts:
         - "Waited <6 hours> in A&E & no one came" https://mastodon.example/@someone/1
         - "Ambulance queue outside again" https://reddit.example/r/nhs/x
        Dashboard: https://grafana.example.nhs.uk/d/nhs-listener/nhs-listener?var-org=north-trust
        """, text);
  }

  @Test
  void groupsListEachAlertWithoutSamples() {
    String text = new PlainTextMessage(WORDING).render(MessageFixtures.group(2));
    assertTrue(text.startsWith("2 alerts for Trust number 0, Trust number 1\n\nMEDIUM: surge in mentions of Trust "
        + "number 0\n"), text);
    assertFalse(text.contains("Sample posts"));
  }

  @Test
  void htmlEscapesEveryPieceOfText() {
    String html = new HtmlMessage(WORDING).render(MessageFixtures.single());
    assertTrue(html.contains("Northshire Hospitals &lt;NHS&gt; FT"), html);
    assertTrue(html.contains("<li>Waited &lt;6 hours&gt; in A&amp;E &amp; no one came <a href=\""
        + "https://mastodon.example/@someone/1\">view post</a></li>"), html);
    assertTrue(html.contains("<a href=\"https://grafana.example.nhs.uk/d/nhs-listener/nhs-listener?var-org="
        + "north-trust\">Open the dashboard for Northshire Hospitals &lt;NHS&gt; FT</a>"), html);
    assertFalse(html.contains("<NHS>"));
  }

  @Test
  void onlyWebLinksBecomeLinks() {
    assertTrue(HtmlMessage.isWebLink("https://x.example/1"));
    assertFalse(HtmlMessage.isWebLink("javascript:alert(1)"));
    assertFalse(HtmlMessage.isWebLink(null));
  }
}
