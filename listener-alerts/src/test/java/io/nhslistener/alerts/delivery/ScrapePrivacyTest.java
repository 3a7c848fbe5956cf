package io.nhslistener.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.alerts.delivery.channel.HttpSender;
import io.nhslistener.alerts.delivery.channel.Receiver;
import io.nhslistener.alerts.delivery.channel.WebhookChannel;
import io.nhslistener.alerts.delivery.channel.WebhookSignature;
import io.nhslistener.alerts.metrics.JvmMeters;
import io.nhslistener.alerts.metrics.KafkaMeters;
import io.nhslistener.alerts.metrics.PrometheusText;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.SchemaVersion;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.TermCount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Runs alerts full of personal data through delivery, with the JVM and Kafka client binders bound, and scans the
 * Prometheus scrape: it must parse, our meters may only use the bounded label names, and no label anywhere may hold an
 * author handle, an e-mail address, an NHS number or a mention id.
 */
class ScrapePrivacyTest {
  private static final Instant T = Instant.parse("2026-06-02T13:00:00Z");
  private static final String MENTION_ID = "mastodon:109876543210";
  private static final String HANDLE = "@jane_doe";
  private static final String EMAIL = "jane.doe@example.com";
  private static final String NHS_NUMBER = "9434765919";
  private static final Set<String> ALLOWED_LABELS = Set.of("organisation", "source", "kind", "severity", "channel",
      "outcome", "stage", "reason", "le");
  private static final List<Pattern> PERSONAL = List.of(
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
      Pattern.compile("(^|\\s)@[A-Za-z0-9_]+"),
      Pattern.compile("\\b\\d{3}\\s?\\d{3}\\s?\\d{4}\\b"),
      Pattern.compile("^(mastodon|bluesky|reddit|rss|x|replay|synthetic):.+"));

  private static Alert personal(String orgId) {
    String text = "Ask " + HANDLE + " or mail " + EMAIL + " about " + NHS_NUMBER;
    return new Alert(SchemaVersion.CURRENT, Alert.idFor(orgId, AlertKind.SENTIMENT_DROP, T, AlertStatus.FIRING), orgId,
        AlertKind.SENTIMENT_DROP, Severity.HIGH, AlertStatus.FIRING, T, T.plusSeconds(600), T, 0.7, 0.2, 6.1,
        "Sentiment about " + orgId + " fell: " + text, List.of(new TermCount(HANDLE, 3), new TermCount(EMAIL, 2)),
        List.of(new SampleMention(MENTION_ID, "https://mastodon.example/" + HANDLE + "/1", text, -0.9, 1)));
  }

  @Test
  void theScrapeParsesAndCarriesNoPersonalDataInLabels() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Map<String, Object> unreachable = Map.of("bootstrap.servers", "127.0.0.1:1");
    try (Receiver hooks = Receiver.http();
         JvmMeters jvm = new JvmMeters();
         KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(unreachable, new ByteArrayDeserializer(),
             new ByteArrayDeserializer());
         KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(unreachable, new ByteArraySerializer(),
             new ByteArraySerializer())) {
      jvm.bindTo(registry);
      AutoCloseable consumerMeters = KafkaMeters.bind(registry, consumer);
      AutoCloseable producerMeters = KafkaMeters.bind(registry, producer);
      TestClock routeClock = new TestClock(T);
      Route hook = new Route("hook", new WebhookChannel(hooks.url("/"), new WebhookSignature("a-secret-of-20-chars!"),
          new HttpSender(SSLContext.getDefault(), Duration.ofSeconds(2), Duration.ofSeconds(5), 1024), routeClock),
          null);
      EngineHarness h = new EngineHarness(T.plusSeconds(660), new Routes(List.of(hook)), List.of("hook"),
          Duration.ofMinutes(30), Duration.ZERO, EngineHarness.retry(Duration.ofMinutes(1)), registry);
      h.assign(0, null);
      h.feed(0, personal("north-trust"));
      h.feed(0, personal("south-trust"));
      h.feed(0, "x", ("{\"v\":1,\"id\":\"" + MENTION_ID + "\",\"orgId\":\"" + EMAIL + "\"}")
          .getBytes(StandardCharsets.UTF_8));
      h.run(Duration.ofSeconds(2), Duration.ofSeconds(1));
      assertEquals(2, hooks.requests().size());

      String scrape = registry.scrape();
      List<PrometheusText.Sample> samples = PrometheusText.parse(scrape);
      Set<String> listenerFamilies = new HashSet<>();
      for (PrometheusText.Sample sample : samples) {
        if (sample.name().startsWith("listener_")) {
          listenerFamilies.add(sample.name());
          assertTrue(ALLOWED_LABELS.containsAll(sample.labels().keySet()),
              sample.name() + " has labels " + sample.labels().keySet());
        }
        for (Map.Entry<String, String> label : sample.labels().entrySet()) {
          for (Pattern personal : PERSONAL) {
            assertFalse(personal.matcher(label.getValue()).find(),
                sample.name() + " label " + label.getKey() + "=" + label.getValue() + " matches " + personal);
          }
        }
      }
      for (String planted : List.of(MENTION_ID, HANDLE, EMAIL, NHS_NUMBER, "jane")) {
        assertFalse(scrape.contains(planted), "the scrape contains " + planted);
      }
      assertTrue(listenerFamilies.containsAll(Set.of("listener_alerts_total", "listener_alerts_active",
          "listener_alert_deliveries_total", "listener_deadletters_total", "listener_latency_delivered_seconds_bucket")),
          listenerFamilies.toString());
      assertTrue(samples.stream().anyMatch(s -> s.name().startsWith("jvm_memory_used")), "JVM binders bound");
      assertTrue(samples.stream().anyMatch(s -> s.name().startsWith("kafka_consumer_")), "consumer binder bound");
      assertTrue(samples.stream().anyMatch(s -> s.name().startsWith("kafka_producer_")), "producer binder bound");
      for (String line : scrape.split("\n")) {
        if (line.startsWith("# HELP listener_")) {
          assertTrue(line.split(" ", 4).length == 4 && !line.split(" ", 4)[3].isBlank(), line);
        }
      }
      consumerMeters.close();
      producerMeters.close();
    }
  }
}
