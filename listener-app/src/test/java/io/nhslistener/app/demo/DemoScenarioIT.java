package io.nhslistener.app.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.WindowStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the demo scenario: embedded broker, every role, the replay source, the webhook sink. The
 * expectations come from the scenario as written (which organisation has an incident, when it starts), not from the
 * code under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoScenarioIT {
  private static final Set<String> CALM = Set.of("wessex-vale-icb", "eastbrook-ambulance", "fenmoor-gp");
  private static final Duration WINDOW = Duration.ofMinutes(1);

  @TempDir static Path dataDir; // static: instance @TempDir fields are injected only before each test, after @BeforeAll
  private final StringWriter output = new StringWriter();
  private final ScenarioLoader.Loaded scenario = ScenarioLoader.builtIn();
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private DemoRun run;

  @BeforeAll
  void runTheScenario() {
    Map<String, String> env = Map.of(
        "LISTENER_BROKER_PORT", Integer.toString(FreePorts.pick()),
        "LISTENER_BROKER_CONTROLLER_PORT", Integer.toString(FreePorts.pick()),
        "LISTENER_METRICS_ADDRESS", "127.0.0.1:" + FreePorts.pick());
    run = DemoRun.start(scenario, dataDir, 1200, new PrintWriter(output, true), Clock.systemUTC(), env,
        registry);
    // The scenario's last incident alert can only fire once its windows close: wait for the surge's episode to show
    // both kinds, then for deliveries to catch up with what was raised.
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertTrue(
        has("northshire", AlertKind.VOLUME_SPIKE) && has("northshire", AlertKind.SENTIMENT_DROP)
            && has("kingsbridge", AlertKind.VOLUME_SPIKE) && dedupeCaughtUp(),
        () -> "counts " + run.counts() + ", alerts " + run.alerts().stream()
            .map(seen -> seen.alert().orgId() + "/" + seen.alert().kind() + "/" + seen.alert().status()).toList()));
    await().atMost(Duration.ofMinutes(2)).until(() ->
        run.deliveries().keySet().containsAll(alertIds()));
  }

  @AfterAll
  void stop() {
    if (run != null) {
      run.close();
    }
  }

  @Test
  void theConsultationTrustsVolumeAlertFiresWithinTwoWindowsOfTheSurge() {
    Scenario.PostStream surge = scenario.scenario().streams().stream()
        .filter(s -> s.theme().equals("maternity-anger")).findFirst().orElseThrow();
    Instant surgeBegan = run.eventTime(scenario.scenario().start().plus(surge.from()));
    Instant surgeWindow = Instant.ofEpochMilli(Math.floorDiv(surgeBegan.toEpochMilli(), WINDOW.toMillis())
        * WINDOW.toMillis());
    Alert first = firing("northshire", AlertKind.VOLUME_SPIKE).get(0);
    assertTrue(!first.windowStart().isAfter(surgeWindow.plus(WINDOW.multipliedBy(2))),
        () -> "volume alert for window " + first.windowStart() + ", surge began in window " + surgeWindow
            + "; northshire's windows around it " + windowCounts("northshire", surgeWindow.minus(WINDOW.multipliedBy(3)),
            surgeWindow.plus(WINDOW.multipliedBy(4))) + ", late mentions " + registry.counter("listener.windows.late",
            "organisation", "northshire").count() + ", counts " + run.counts());
    assertTrue(!first.windowStart().isBefore(surgeWindow.minus(WINDOW.multipliedBy(5))),
        "alert before the incident: " + first.windowStart());
  }

  @Test
  void theConsultationTurnsNegative() {
    assertTrue(has("northshire", AlertKind.SENTIMENT_DROP), output.toString());
  }

  @Test
  void theGoodNewsTrustGetsAVolumeAlertAndNoSentimentAlert() {
    assertTrue(has("kingsbridge", AlertKind.VOLUME_SPIKE), output.toString());
    assertEquals(List.of(), firing("kingsbridge", AlertKind.SENTIMENT_DROP));
  }

  @Test
  void calmOrganisationsGetNoAlert() {
    List<String> calmAlerts = run.alerts().stream().map(AlertPrinter.Seen::alert)
        .filter(alert -> CALM.contains(alert.orgId())).map(Alert::orgId).toList();
    assertEquals(List.of(), calmAlerts);
  }

  @Test
  void theCopyPastedCampaignCountsAsEchoesNotVoices() {
    Scenario.Campaign campaign = scenario.scenario().campaigns().get(0);
    // Every copy after the first and every repost is an echo; other chatter may add a few near-duplicates.
    long campaignEchoes = campaign.copies() - 1L + campaign.reposts();
    assertTrue(run.counts().echoes() >= campaignEchoes, "echoes " + run.counts().echoes());
    List<Mention> generated = ScenarioGenerator.generate(scenario.scenario(), "check");
    long campaignPosts = generated.stream().filter(m -> m.text().startsWith("I have signed the petition")).count();
    assertEquals(campaign.copies() + campaign.reposts(), campaignPosts);
    assertTrue(run.counts().unique() <= run.mentionCount() - campaignEchoes,
        "unique " + run.counts().unique() + " of " + run.mentionCount());
  }

  @Test
  void theWebhookSinkReceivedEveryAlertExactlyOnce() {
    Map<String, Integer> deliveries = run.deliveries();
    assertTrue(deliveries.keySet().containsAll(alertIds()), deliveries + " vs " + alertIds());
    assertEquals(Map.of(), deliveries.entrySet().stream().filter(e -> e.getValue() != 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Test
  void theMetricsEndpointReportsTheMatchedCounts() throws Exception {
    HttpResponse<String> scrape = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(run.metricsUrl())).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, scrape.statusCode());
    Matcher matched = Pattern.compile("^listener_match_mentions_total\\{[^}]*outcome=\"matched\"[^}]*} (\\S+)$",
        Pattern.MULTILINE).matcher(scrape.body());
    assertTrue(matched.find(), "no matched counter in the scrape");
    long scraped = (long) Double.parseDouble(matched.group(1));
    long perOrganisation = run.matchedByOrganisation().values().stream().mapToLong(Long::longValue).sum();
    assertTrue(scraped > 0 && scraped <= perOrganisation, scraped + " vs " + perOrganisation);
  }

  private Map<Instant, Long> windowCounts(String orgId, Instant from, Instant to) {
    return run.baseWindows(orgId).stream()
        .filter(w -> !w.windowStart().isBefore(from) && w.windowStart().isBefore(to))
        .collect(Collectors.toMap(WindowStats::windowStart, WindowStats::count, Long::sum, TreeMap::new));
  }

  private boolean dedupeCaughtUp() {
    DemoProgress.Counts counts = run.counts();
    return counts.in() == run.mentionCount() && counts.unique() + counts.echoes() + counts.duplicates() >= counts.in();
  }

  private boolean has(String orgId, AlertKind kind) {
    return !firing(orgId, kind).isEmpty();
  }

  private List<Alert> firing(String orgId, AlertKind kind) {
    return run.alerts().stream().map(AlertPrinter.Seen::alert)
        .filter(a -> a.orgId().equals(orgId) && a.kind() == kind && a.status() != AlertStatus.RESOLVED)
        .toList();
  }

  private Set<String> alertIds() {
    return run.alerts().stream().map(AlertPrinter.Seen::alert).map(Alert::id).collect(Collectors.toSet());
  }
}
