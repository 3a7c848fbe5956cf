package io.nhslistener.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhslistener.alerts.delivery.channel.HttpSender;
import io.nhslistener.alerts.delivery.channel.Receiver;
import io.nhslistener.alerts.delivery.channel.SlackChannel;
import io.nhslistener.alerts.delivery.channel.WebhookChannel;
import io.nhslistener.alerts.delivery.channel.WebhookSignature;
import io.nhslistener.alerts.delivery.message.SlackMessage;
import io.nhslistener.alerts.delivery.message.SlackPayloads;
import io.nhslistener.alerts.delivery.message.Wording;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.QuietHours;
import io.nhslistener.core.model.RouteSelection;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.serde.Json;
import io.nhslistener.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery state machine against real loopback receivers, with a hand-moved clock. */
class DeliveryEngineTest {
  private static final String SECRET = "engine-test-secret-0123456789";
  /** 13:00 UTC, 14:00 in London: outside quiet hours. */
  private static final Instant DAY = Instant.parse("2026-06-02T13:00:00Z");
  /** 22:00 UTC, 23:00 in London: inside 22:00-07:00 quiet hours, which end at 06:00 UTC. */
  private static final Instant NIGHT = Instant.parse("2026-06-02T22:00:00Z");
  private static final Instant NIGHT_ENDS = Instant.parse("2026-06-03T06:00:00Z");
  private static final Wording WORDING = new Wording(ZoneId.of("Europe/London"));

  private Receiver hooks;
  private Receiver slack;
  private HttpSender http;

  @BeforeEach
  void start() throws Exception {
    hooks = Receiver.http();
    slack = Receiver.http();
    http = new HttpSender(SSLContext.getDefault(), Duration.ofSeconds(2), Duration.ofSeconds(5), 4096);
  }

  @AfterEach
  void stop() {
    hooks.close();
    slack.close();
  }

  private Route webhookRoute(TestClock clock) {
    return webhookRoute(clock, null);
  }

  private Route webhookRoute(TestClock clock, QuietHours quiet) {
    return new Route("hook", new WebhookChannel(hooks.url("/alerts"), new WebhookSignature(SECRET), http, clock),
        quiet);
  }

  private Route slackRoute(QuietHours quiet) {
    return new Route("slack", new SlackChannel(slack.url("/services/x"), new SlackMessage(WORDING), http), quiet);
  }

  private EngineHarness harness(Instant start, List<String> defaults, Duration cooldown, Duration groupWindow,
      Duration maxAge, QuietHours slackQuiet) {
    TestClock routeClock = new TestClock(start);
    EngineHarness harness = new EngineHarness(start,
        new Routes(List.of(webhookRoute(routeClock), slackRoute(slackQuiet))), defaults, cooldown, groupWindow,
        EngineHarness.retry(maxAge));
    harness.assign(0, null);
    harness.assign(1, null);
    return harness;
  }

  /** A receiver that verifies each signature itself and fails the first {@code failures} tries of every key. */
  private static void failFirstTries(Receiver receiver, int failures, Map<String, Integer> accepted) {
    Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    receiver.respond(request -> {
      if (!signatureValid(request)) {
        return Receiver.Reply.of(401, "bad signature");
      }
      String key = request.header("Idempotency-Key");
      if (tries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= failures) {
        return Receiver.Reply.of(500, "try later");
      }
      accepted.merge(key, 1, Integer::sum);
      return Receiver.Reply.of(200, "ok");
    });
  }

  private static boolean signatureValid(Receiver.Request request) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(
          (request.header("X-Listener-Timestamp") + "." + request.text()).getBytes(StandardCharsets.UTF_8)));
      return expected.equals(request.header("X-Listener-Signature"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void webhookDeliveriesAreRetriedUntilAcceptedExactlyOncePerAlertNoneLost() {
    EngineHarness h = harness(DAY, List.of("hook"), Duration.ofMinutes(30), Duration.ZERO, Duration.ofMinutes(10),
        null);
    Map<String, Integer> accepted = new ConcurrentHashMap<>();
    failFirstTries(hooks, 2, accepted);
    List<Alert> alerts = List.of("a-trust", "b-trust", "c-trust", "d-trust", "e-trust").stream()
        .map(org -> TestAlerts.spike(org, DAY.minusSeconds(30))).toList();
    for (int i = 0; i < alerts.size(); i++) {
      h.feed(i % 2, alerts.get(i));
    }
    h.run(Duration.ofSeconds(30), Duration.ofMillis(500));

    assertEquals(alerts.stream().collect(Collectors.toMap(Alert::id, a -> 1)), accepted);
    assertEquals(15, hooks.requests().size(), "three tries of each of five alerts");
    for (Receiver.Request request : hooks.requests()) {
      Alert body = Topics.ALERTS.valueSerde().deserializer().deserialize(null, request.body());
      assertEquals(request.header("Idempotency-Key"), body.id());
    }
    assertEquals(List.of(), h.deadLetters);
    assertEquals(5, h.counter("listener.alert.deliveries", "channel", "webhook", "outcome", "delivered"));
    assertEquals(10, h.counter("listener.alert.deliveries", "channel", "webhook", "outcome", "failed_attempt"));
    assertEquals(new OffsetAndMetadata(3), h.commitPoint(0, 3));
    assertEquals(new OffsetAndMetadata(2), h.commitPoint(1, 2));
    assertEquals(5, h.registry.find("listener.latency.delivered").timer().count());
  }

  @Test
  void alertsOfSeveralOrganisationsWithinTheGroupWindowMakeOneMessage() throws Exception {
    EngineHarness h = harness(DAY, List.of("slack"), Duration.ofMinutes(30), Duration.ofSeconds(20),
        Duration.ofMinutes(10), null);
    h.feed(0, TestAlerts.spike("a-trust", DAY));
    h.run(Duration.ofSeconds(5), Duration.ofSeconds(1));
    h.feed(1, TestAlerts.spike("b-trust", DAY));
    h.run(Duration.ofSeconds(5), Duration.ofSeconds(1));
    h.feed(0, TestAlerts.spike("c-trust", DAY));
    h.run(Duration.ofSeconds(5), Duration.ofSeconds(1));
    assertEquals(0, slack.requests().size(), "the group is still open");
    h.run(Duration.ofSeconds(10), Duration.ofSeconds(1));

    assertEquals(1, slack.requests().size());
    JsonNode message = Json.mapper().readTree(slack.requests().get(0).body());
    SlackPayloads.assertBlockKit(message);
    assertEquals("3 alerts for a-trust, b-trust, c-trust", message.get("text").asText());
    h.feed(1, TestAlerts.spike("d-trust", DAY));
    h.run(Duration.ofSeconds(25), Duration.ofSeconds(1));
    assertEquals(2, slack.requests().size(), "a later alert opens a new group");
  }

  @Test
  void quietHoursHoldNonCriticalAlertsForADigestButNotCriticalOnes() throws Exception {
    QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), "Europe/London");
    EngineHarness h = harness(NIGHT, List.of("slack"), Duration.ZERO, Duration.ZERO, Duration.ofMinutes(10), night);
    Alert high = TestAlerts.spike("a-trust", NIGHT, NIGHT.minusSeconds(600), Severity.HIGH, AlertStatus.FIRING);
    Alert resolved = TestAlerts.spike("a-trust", NIGHT.plusSeconds(1800), NIGHT.minusSeconds(600), Severity.HIGH,
        AlertStatus.RESOLVED);
    Alert critical = TestAlerts.spike("b-trust", NIGHT.plusSeconds(600), Severity.CRITICAL, AlertStatus.FIRING);
    h.feed(0, high);
    h.feed(0, critical);
    h.feed(0, resolved);
    h.run(Duration.ofMinutes(2), Duration.ofSeconds(10));
    assertEquals(1, slack.requests().size(), "only the critical alert goes out at night");
    assertEquals("CRITICAL: surge in mentions of b-trust",
        Json.mapper().readTree(slack.requests().get(0).body()).get("text").asText());
    assertEquals(new OffsetAndMetadata(0, "d1;h=3;p=0,2"), h.commitPoint(0, 3), "held alerts stay uncommitted");
    assertEquals(2, h.counter("listener.alert.deliveries", "channel", "slack", "outcome", "held"));

    h.clock.set(NIGHT_ENDS.minusSeconds(1));
    h.engine.runDue();
    assertEquals(1, slack.requests().size());
    h.clock.set(NIGHT_ENDS);
    h.engine.runDue();
    assertEquals(2, slack.requests().size());
    JsonNode digest = Json.mapper().readTree(slack.requests().get(1).body());
    SlackPayloads.assertBlockKit(digest);
    assertEquals("Quiet-hours digest: 2 alerts for a-trust", digest.get("text").asText());
    assertTrue(digest.at("/blocks/3/text/text").asText().startsWith("*Resolved: surge in mentions of a-trust"));
    assertEquals(new OffsetAndMetadata(3), h.commitPoint(0, 3));
  }

  @Test
  void aWebhookRouteReleasesItsQuietHoursDigestAsOneRequestPerAlert() {
    QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), "Europe/London");
    TestClock routeClock = new TestClock(NIGHT);
    EngineHarness h = new EngineHarness(NIGHT, new Routes(List.of(webhookRoute(routeClock, night))), List.of("hook"),
        Duration.ZERO, Duration.ofSeconds(20), EngineHarness.retry(Duration.ofMinutes(10)));
    h.assign(0, null);
    Alert first = TestAlerts.spike("a-trust", NIGHT, Severity.MEDIUM, AlertStatus.FIRING);
    Alert second = TestAlerts.spike("b-trust", NIGHT, Severity.HIGH, AlertStatus.FIRING);
    h.feed(0, first);
    h.feed(0, second);
    h.run(Duration.ofMinutes(1), Duration.ofSeconds(10));
    assertEquals(0, hooks.requests().size());
    h.clock.set(NIGHT_ENDS);
    h.engine.runDue();
    assertEquals(List.of(first.id(), second.id()),
        hooks.requests().stream().map(r -> r.header("Idempotency-Key")).toList());
    assertEquals(List.of(), h.deadLetters);
    assertEquals(new OffsetAndMetadata(2), h.commitPoint(0, 2));
  }

  @Test
  void aRepeatWithinTheCooldownIsSuppressedAndFinished() {
    EngineHarness h = harness(DAY, List.of("hook"), Duration.ofMinutes(30), Duration.ZERO, Duration.ofMinutes(10),
        null);
    h.feed(0, TestAlerts.spike("a-trust", DAY.minusSeconds(1200), DAY.minusSeconds(1800), Severity.MEDIUM,
        AlertStatus.FIRING));
    h.feed(0, TestAlerts.spike("a-trust", DAY.minusSeconds(900), DAY.minusSeconds(1800), Severity.MEDIUM,
        AlertStatus.RESOLVED));
    h.feed(0, TestAlerts.spike("a-trust", DAY, DAY.minusSeconds(600), Severity.MEDIUM, AlertStatus.FIRING));
    h.run(Duration.ofSeconds(5), Duration.ofSeconds(1));
    assertEquals(2, hooks.requests().size(), "the alert and its resolved notice; the repeat is suppressed");
    assertEquals(1, h.counter("listener.alert.deliveries", "channel", "webhook", "outcome", "suppressed"));
    assertEquals(new OffsetAndMetadata(3), h.commitPoint(0, 3));
  }

  @Test
  void aDeliveryThatKeepsFailingIsDeadLetteredWithItsOriginalBytes() {
    EngineHarness h = harness(DAY, List.of("hook"), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(20), null);
    hooks.respond(request -> Receiver.Reply.of(503, "down"));
    Alert alert = TestAlerts.spike("a-trust", DAY);
    byte[] bytes = Topics.ALERTS.valueSerde().serializer().serialize(null, alert);
    h.feed(1, "a-trust", bytes);
    h.deadLetterTopicDown.set(true);
    h.run(Duration.ofSeconds(40), Duration.ofMillis(500));
    assertEquals(List.of(), h.deadLetters);
    assertEquals(new OffsetAndMetadata(0, "d1;h=1;p=0"), h.commitPoint(1, 1),
        "not finished until the dead letter is acknowledged");

    h.deadLetterTopicDown.set(false);
    h.run(Duration.ofSeconds(10), Duration.ofSeconds(1));
    assertEquals(1, h.deadLetters.size());
    DeadLetter letter = Topics.DEADLETTER.valueSerde().deserializer().deserialize(null, h.deadLetters.get(0).value());
    assertEquals("delivery", letter.stage());
    assertEquals(Topics.ALERTS.name(), letter.origin());
    assertEquals(1, letter.partition());
    assertEquals(0, letter.offset());
    assertTrue(letter.reason().startsWith("processing: delivery to route hook (webhook) failed after "),
        letter.reason());
    assertEquals(new String(bytes, StandardCharsets.UTF_8), new String(letter.value(), StandardCharsets.UTF_8));
    assertEquals(1, h.counter("listener.deadletters", "stage", "delivery", "reason", "processing"));
    assertEquals(1, h.counter("listener.alert.deliveries", "channel", "webhook", "outcome", "dead_lettered"));
    assertEquals(new OffsetAndMetadata(1), h.commitPoint(1, 1));
  }

  @Test
  void aMalformedRecordIsDeadLetteredAndCounted() {
    EngineHarness h = harness(DAY, List.of("hook"), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(20), null);
    h.feed(0, "a-trust", "{\"v\":1,\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, h.deadLetters.size());
    DeadLetter letter = Topics.DEADLETTER.valueSerde().deserializer().deserialize(null, h.deadLetters.get(0).value());
    assertTrue(letter.reason().startsWith("malformed: Alert."), letter.reason());
    assertEquals(1, h.counter("listener.deadletters", "stage", "delivery", "reason", "malformed"));
    assertEquals(new OffsetAndMetadata(1), h.commitPoint(0, 1));
  }

  @Test
  void aRouteTheWatchNamesButNoOneDefinedIsDeadLetteredWhileTheOthersDeliver() {
    EngineHarness h = harness(DAY, List.of(), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(20), null);
    h.watches.put("a-trust", TestAlerts.watch("a-trust", "A Trust", null, List.of(
        new RouteSelection("hook", null), new RouteSelection("pager", null)), AlertSettings.DEFAULTS));
    h.feed(0, TestAlerts.spike("a-trust", DAY));
    h.run(Duration.ofSeconds(2), Duration.ofSeconds(1));
    assertEquals(1, hooks.requests().size());
    assertEquals(1, h.deadLetters.size());
    DeadLetter letter = Topics.DEADLETTER.valueSerde().deserializer().deserialize(null, h.deadLetters.get(0).value());
    assertTrue(letter.reason().contains("[pager]"), letter.reason());
  }

  @Test
  void anAlertNoRouteTakesIsCountedNotSent() {
    EngineHarness h = harness(DAY, List.of(), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(20), null);
    h.feed(0, TestAlerts.spike("a-trust", DAY));
    h.run(Duration.ofSeconds(2), Duration.ofSeconds(1));
    assertEquals(0, hooks.requests().size() + slack.requests().size());
    assertEquals(1, h.counter("listener.alert.deliveries", "channel", "none", "outcome", "unrouted"));
    assertEquals(new OffsetAndMetadata(1), h.commitPoint(0, 1));
  }

  @Test
  void aRestartMidBatchResendsOnlyWhatWasNotFinished() throws Exception {
    QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), "Europe/London");
    Alert before = TestAlerts.spike("a-trust", NIGHT, Severity.CRITICAL, AlertStatus.FIRING);
    Alert held = TestAlerts.spike("b-trust", NIGHT, Severity.MEDIUM, AlertStatus.FIRING);
    Alert after = TestAlerts.spike("c-trust", NIGHT, Severity.CRITICAL, AlertStatus.FIRING);
    List<byte[]> records = List.of(before, held, after).stream()
        .map(a -> Topics.ALERTS.valueSerde().serializer().serialize(null, a)).toList();

    EngineHarness first = harness(NIGHT, List.of("slack"), Duration.ofMinutes(30), Duration.ZERO,
        Duration.ofMinutes(10), night);
    for (int i = 0; i < 3; i++) {
      first.feed(0, "org", records.get(i));
    }
    first.run(Duration.ofSeconds(2), Duration.ofSeconds(1));
    assertEquals(2, slack.requests().size());
    OffsetAndMetadata committed = first.commitPoint(0, 3);
    assertEquals(new OffsetAndMetadata(1, "d1;h=3;p=1"), committed);

    // The process dies. A new one resumes from the commit and re-reads the partition from the start.
    EngineHarness second = new EngineHarness(NIGHT.plusSeconds(60),
        new Routes(List.of(slackRoute(night))), List.of("slack"), Duration.ofMinutes(30), Duration.ZERO,
        EngineHarness.retry(Duration.ofMinutes(10)));
    second.assign(0, committed);
    for (int i = 0; i < 3; i++) {
      second.feedAt(0, i, "org", records.get(i));
    }
    second.run(Duration.ofSeconds(2), Duration.ofSeconds(1));
    assertEquals(2, slack.requests().size(), "finished alerts are not sent again");
    assertEquals(committed, second.commitPoint(0, 3));

    second.clock.set(NIGHT_ENDS);
    second.engine.runDue();
    assertEquals(3, slack.requests().size());
    assertEquals("Quiet-hours digest: 1 alert for b-trust", Json.mapper().readTree(slack.requests().get(2).body())
        .get("text").asText());
    assertEquals(new OffsetAndMetadata(3), second.commitPoint(0, 3));
  }

  @Test
  void revokedPartitionsLeaveNothingBehind() {
    EngineHarness h = harness(DAY, List.of("slack"), Duration.ZERO, Duration.ofSeconds(20), Duration.ofMinutes(10),
        null);
    h.feed(0, TestAlerts.spike("a-trust", DAY));
    h.feed(1, TestAlerts.spike("b-trust", DAY));
    h.engine.revoke(List.of(new TopicPartition(EngineHarness.TOPIC, 0)));
    h.run(Duration.ofSeconds(30), Duration.ofSeconds(1));
    assertEquals(1, slack.requests().size());
    assertTrue(slack.requests().get(0).text().contains("b-trust"));
    assertEquals(0.0, h.registry.find("listener.alert.delivery.pending").tag("channel", "slack").gauge().value());
  }
}
