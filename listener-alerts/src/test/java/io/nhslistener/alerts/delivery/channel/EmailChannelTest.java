package io.nhslistener.alerts.delivery.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.nhslistener.alerts.delivery.TestAlerts;
import io.nhslistener.alerts.delivery.TestClock;
import io.nhslistener.alerts.delivery.message.AlertView;
import io.nhslistener.alerts.delivery.message.Notification;
import io.nhslistener.alerts.delivery.message.Wording;
import io.nhslistener.core.model.Alert;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * E-mail delivery to a real SMTP server in the test JVM (GreenMail). GreenMail offers implicit TLS (SMTPS) and AUTH
 * but no STARTTLS: the TLS and authentication path is tested over SMTPS with a certificate the client must verify,
 * and {@code starttls} is tested to refuse a server that cannot upgrade rather than send in clear text.
 */
class EmailChannelTest {
  private static final Instant NOW = Instant.parse("2026-06-02T14:21:00Z");
  private static final String USER = "listener";
  private static final String PASSWORD = "smtp-password";

  private GreenMail mail;
  private TestCertificates certificates;

  @BeforeEach
  void start() throws Exception {
    certificates = TestCertificates.shared();
    // GreenMail's SMTPS presents the key store named here: a certificate for 127.0.0.1 that our trust store holds.
    System.setProperty("greenmail.tls.keystore.file", certificates.keyStore().toString());
    System.setProperty("greenmail.tls.keystore.password", TestCertificates.PASSWORD);
    mail = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort(),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()});
    mail.setUser("comms@north.example.nhs.uk", USER, PASSWORD);
    mail.start();
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  private EmailChannel channel(SmtpSettings.Security security, int port, String password, SSLContext tls)
      throws Exception {
    SmtpSettings smtp = new SmtpSettings("127.0.0.1", port, security, USER, password,
        new InternetAddress("alerts@listener.example.nhs.uk"),
        List.of(new InternetAddress("comms@north.example.nhs.uk"), new InternetAddress("oncall@north.example.nhs.uk")),
        "[NHS listener]", Duration.ofSeconds(5), Duration.ofSeconds(5));
    return new EmailChannel("north-email", smtp, tls, new Wording(ZoneId.of("Europe/London")), new TestClock(NOW));
  }

  private static Notification notification(Alert alert) {
    return Notification.single(new AlertView(alert, "Northshire <Hospitals>",
        URI.create("https://grafana.example.nhs.uk/d/nhs-listener/nhs-listener?var-org=north-trust")));
  }

  @Test
  void sendsOverVerifiedTlsWithAuthenticationATextAndAnHtmlBody() throws Exception {
    SSLContext trusting = TlsContexts.create(certificates.trustStore(), TestCertificates.PASSWORD);
    Alert alert = TestAlerts.spike("north-trust", NOW.minusSeconds(60));
    channel(SmtpSettings.Security.TLS, mail.getSmtps().getPort(), PASSWORD, trusting).send(notification(alert));

    MimeMessage[] received = mail.getReceivedMessages();
    assertEquals(2, received.length, "one copy per recipient");
    MimeMessage message = received[0];
    assertArrayEquals(new Address[] {new InternetAddress("alerts@listener.example.nhs.uk")}, message.getFrom());
    assertEquals(List.of("comms@north.example.nhs.uk", "oncall@north.example.nhs.uk"),
        List.of(message.getRecipients(Message.RecipientType.TO)).stream()
            .map(a -> ((InternetAddress) a).getAddress()).toList());
    assertEquals("[NHS listener] HIGH: surge in mentions of Northshire <Hospitals>", message.getSubject());
    assertEquals(Date.from(NOW), message.getSentDate());
    assertEquals(alert.id(), message.getHeader("X-Listener-Alert-Ids", null));
    assertEquals("auto-generated", message.getHeader("Auto-Submitted", null));
    assertTrue(message.getMessageID().matches("<[0-9a-f]{32}\\.alerts@listener\\.example\\.nhs\\.uk>"),
        message.getMessageID());
    assertTrue(message.getContentType().startsWith("multipart/alternative"), message.getContentType());

    Multipart parts = (Multipart) message.getContent();
    assertEquals(2, parts.getCount());
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertTrue(text.isMimeType("text/plain"), text.getContentType());
    assertTrue(html.isMimeType("text/html"), html.getContentType());
    String plain = (String) text.getContent();
    assertTrue(plain.contains("Mentions of Northshire <Hospitals> rose to 84 in 10 minutes"), plain);
    assertTrue(plain.contains("\"Waited <6 hours> in A&E & no one came\" https://mastodon.example/@someone/1"), plain);
    assertTrue(plain.contains("Dashboard: https://grafana.example.nhs.uk/d/nhs-listener/nhs-listener?var-org=north-trust"));
    String rich = (String) html.getContent();
    assertTrue(rich.startsWith("<!DOCTYPE html>"), rich);
    assertTrue(rich.contains("Mentions of Northshire &lt;Hospitals&gt; rose to 84"), rich);
    assertTrue(rich.contains("href=\"https://grafana.example.nhs.uk/d/nhs-listener/nhs-listener?var-org=north-trust\""));
  }

  @Test
  void theSameAlertsGiveTheSameMessageIdSoAResendIsRecognisable() throws Exception {
    SSLContext trusting = TlsContexts.create(certificates.trustStore(), TestCertificates.PASSWORD);
    EmailChannel channel = channel(SmtpSettings.Security.TLS, mail.getSmtps().getPort(), PASSWORD, trusting);
    Alert alert = TestAlerts.spike("north-trust", NOW.minusSeconds(60));
    channel.send(notification(alert));
    channel.send(notification(alert));
    channel.send(notification(TestAlerts.spike("north-trust", NOW)));
    Map<String, Long> copiesById = new TreeMap<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      copiesById.merge(message.getMessageID(), 1L, Long::sum);
    }
    assertEquals(List.of(2L, 4L), copiesById.values().stream().sorted().toList(),
        "two sends of one alert share an id, the other alert has its own: " + copiesById);
  }

  @Test
  void aWrongPasswordIsAPermanentFailure() throws Exception {
    SSLContext trusting = TlsContexts.create(certificates.trustStore(), TestCertificates.PASSWORD);
    DeliveryException e = assertThrows(DeliveryException.class,
        () -> channel(SmtpSettings.Security.TLS, mail.getSmtps().getPort(), "wrong", trusting)
            .send(notification(TestAlerts.spike("north-trust", NOW))));
    assertFalse(e.isRetriable());
    assertEquals(0, mail.getReceivedMessages().length);
  }

  @Test
  void anUntrustedCertificateGetsNothing() throws Exception {
    DeliveryException e = assertThrows(DeliveryException.class,
        () -> channel(SmtpSettings.Security.TLS, mail.getSmtps().getPort(), PASSWORD, SSLContext.getDefault())
            .send(notification(TestAlerts.spike("north-trust", NOW))));
    assertTrue(e.isRetriable());
    assertEquals(0, mail.getReceivedMessages().length);
  }

  @Test
  void starttlsIsRequiredNeverSkipped() throws Exception {
    SSLContext trusting = TlsContexts.create(certificates.trustStore(), TestCertificates.PASSWORD);
    DeliveryException e = assertThrows(DeliveryException.class,
        () -> channel(SmtpSettings.Security.STARTTLS, mail.getSmtp().getPort(), PASSWORD, trusting)
            .send(notification(TestAlerts.spike("north-trust", NOW))));
    assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
    assertEquals(0, mail.getReceivedMessages().length, "no plain-text fallback");
  }
}
