package io.nhslistener.alerts.delivery.channel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.alerts.delivery.TestAlerts;
import io.nhslistener.alerts.delivery.TestClock;
import io.nhslistener.alerts.delivery.message.AlertView;
import io.nhslistener.alerts.delivery.message.Notification;
import io.nhslistener.alerts.delivery.message.SlackMessage;
import io.nhslistener.alerts.delivery.message.SlackPayloads;
import io.nhslistener.alerts.delivery.message.TeamsMessage;
import io.nhslistener.alerts.delivery.message.TeamsPayloads;
import io.nhslistener.alerts.delivery.message.Wording;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.serde.Json;
import io.nhslistener.core.topic.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook, Slack and Teams channels against real receivers on loopback. */
class HttpChannelsTest {
  private static final String SECRET = "a-shared-secret-of-32-characters";
  private static final Instant NOW = Instant.parse("2026-06-02T14:21:00Z");
  private static final Wording WORDING = new Wording(ZoneId.of("Europe/London"));

  private final TestClock clock = new TestClock(NOW);
  private Receiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver = Receiver.http();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private HttpSender sender(SSLContext tls, Duration readTimeout, int maxResponseBytes) {
    return new HttpSender(tls, Duration.ofSeconds(2), readTimeout, maxResponseBytes);
  }

  private HttpSender sender() throws Exception {
    return sender(SSLContext.getDefault(), Duration.ofSeconds(5), 64 * 1024);
  }

  private static Notification notification(Alert alert) {
    return Notification.single(new AlertView(alert, "North Trust",
        URI.create("https://grafana.example.nhs.uk/d/nhs-listener/nhs-listener?var-org=" + alert.orgId())));
  }

  private static String hmacHex(String secret, String signedText) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(signedText.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aWebhookPostsTheAlertJsonSignedWithItsIdAsIdempotencyKey() throws Exception {
    Alert alert = TestAlerts.spike("north-trust", NOW.minusSeconds(60));
    WebhookChannel webhook = new WebhookChannel(receiver.url("/hooks/alerts"), new WebhookSignature(SECRET), sender(),
        clock);
    webhook.send(notification(alert));

    Receiver.Request request = receiver.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/hooks/alerts", request.path());
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals(alert.id(), request.header("Idempotency-Key"));
    assertEquals(Long.toString(NOW.getEpochSecond()), request.header("X-Listener-Timestamp"));
    String expected = "v1=" + hmacHex(SECRET, NOW.getEpochSecond() + "." + request.text());
    assertEquals(expected, request.header("X-Listener-Signature"));
    assertEquals(alert, Topics.ALERTS.valueSerde().deserializer().deserialize(null, request.body()));
  }

  @Test
  void aWebhookRefusesGroups() {
    WebhookChannel webhook = new WebhookChannel(receiver.url("/"), new WebhookSignature(SECRET),
        new HttpSender(defaultTls(), Duration.ofSeconds(1), Duration.ofSeconds(1), 1024), clock);
    Notification group = new Notification(Notification.Kind.GROUP, List.of(
        notification(TestAlerts.spike("a", NOW)).only(), notification(TestAlerts.spike("b", NOW)).only()));
    assertFalse(webhook.groupsAlerts());
    assertThrows(IllegalStateException.class, () -> webhook.send(group));
  }

  @Test
  void serverErrorsAreRetriableAndClientErrorsAreNot() throws Exception {
    HttpSender http = sender();
    receiver.respond(request -> Receiver.Reply.of(503, "down for maintenance"));
    DeliveryException busy = assertThrows(DeliveryException.class,
        () -> http.post(receiver.url("/"), Map.of(), new byte[] {1}));
    assertTrue(busy.isRetriable());
    assertEquals("receiver answered HTTP 503: down for maintenance", busy.getMessage());
    receiver.respond(request -> Receiver.Reply.of(404, "no_service"));
    DeliveryException gone = assertThrows(DeliveryException.class,
        () -> http.post(receiver.url("/"), Map.of(), new byte[] {1}));
    assertFalse(gone.isRetriable());
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    receiver.respond(request -> request.path().equals("/old")
        ? new Receiver.Reply(302, new byte[0], Map.of("Location", receiver.url("/new").toString()))
        : Receiver.Reply.of(200, "ok"));
    DeliveryException e = assertThrows(DeliveryException.class,
        () -> sender().post(receiver.url("/old"), Map.of(), new byte[] {1}));
    assertFalse(e.isRetriable());
    assertEquals(List.of("/old"), receiver.requests().stream().map(Receiver.Request::path).toList());
  }

  @Test
  void onlyTheStartOfAHugeResponseIsRead() throws Exception {
    long fourGigabytes = 4L << 30;
    receiver.respond(request -> new Receiver.Reply(500, new byte[0], Map.of(), fourGigabytes));
    DeliveryException e = assertThrows(DeliveryException.class,
        () -> sender(defaultTls(), Duration.ofSeconds(10), 1024).post(receiver.url("/"), Map.of(), new byte[] {1}));
    assertTrue(e.isRetriable());
    assertEquals("receiver answered HTTP 500: " + "x".repeat(200) + "…", e.getMessage());
    // Reading all of it would take the heap; the sender hung up after its 1 kB, leaving at most socket buffers.
    assertTrue(receiver.streamed() < 256L << 20, "streamed " + receiver.streamed());
    await().atMost(Duration.ofSeconds(10)).until(receiver::clientHungUp);
  }

  @Test
  void aReceiverThatNeverAnswersTimesOut() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    receiver.respond(request -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Receiver.Reply.of(200, "late");
    });
    long started = System.nanoTime();
    try {
      DeliveryException e = assertThrows(DeliveryException.class,
          () -> sender(defaultTls(), Duration.ofMillis(300), 1024).post(receiver.url("/"), Map.of(), new byte[] {1}));
      assertTrue(e.isRetriable());
      assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10), "bounded by the read timeout");
    } finally {
      release.countDown();
    }
  }

  @Test
  void httpsVerifiesTheCertificateAgainstTheConfiguredTrustOnly() throws Exception {
    TestCertificates certificates = TestCertificates.shared();
    try (Receiver secure = Receiver.https(certificates.serverContext())) {
      DeliveryException untrusted = assertThrows(DeliveryException.class,
          () -> sender().post(secure.url("/"), Map.of(), new byte[] {1}));
      assertTrue(untrusted.isRetriable());
      assertEquals(0, secure.requests().size(), "nothing is sent to an unverified server");

      SSLContext trusting = TlsContexts.create(certificates.trustStore(), TestCertificates.PASSWORD);
      assertEquals(200, sender(trusting, Duration.ofSeconds(5), 1024).post(secure.url("/"), Map.of(),
          new byte[] {1}));
      assertEquals(1, secure.requests().size());
    }
  }

  @Test
  void slackGetsABlockKitMessage() throws Exception {
    SlackChannel slack = new SlackChannel(receiver.url("/services/T000/B000/XXXX"), new SlackMessage(WORDING),
        sender());
    slack.send(notification(TestAlerts.spike("north-trust", NOW)));
    Receiver.Request request = receiver.requests().get(0);
    assertEquals("application/json; charset=utf-8", request.header("Content-Type"));
    JsonNode body = Json.mapper().readTree(request.body());
    SlackPayloads.assertBlockKit(body);
    assertEquals("HIGH: surge in mentions of North Trust", body.get("text").asText());
  }

  @Test
  void teamsGetsAnAdaptiveCard() throws Exception {
    TeamsChannel teams = new TeamsChannel(receiver.url("/workflows/abc/triggers/manual/paths/invoke"),
        new TeamsMessage(WORDING), sender());
    receiver.respond(request -> Receiver.Reply.of(202, ""));
    teams.send(notification(TestAlerts.spike("north-trust", NOW)));
    JsonNode body = Json.mapper().readTree(receiver.requests().get(0).body());
    TeamsPayloads.assertCardMessage(body);
  }

  @Test
  void chatUrlsNeverAppearInErrors() throws Exception {
    URI secretUrl = URI.create("http://127.0.0.1:1/services/T000/B000/SECRETTOKEN");
    DeliveryException e = assertThrows(DeliveryException.class,
        () -> new SlackChannel(secretUrl, new SlackMessage(WORDING), sender())
            .send(notification(TestAlerts.spike("north-trust", NOW))));
    assertTrue(e.isRetriable());
    assertFalse(e.getMessage().contains("SECRETTOKEN"), e.getMessage());
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
