package io.nhslistener.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.nhslistener.app.ListenerMain;
import io.nhslistener.app.broker.BrokerSettings;
import io.nhslistener.app.broker.EagerRetention;
import io.nhslistener.app.broker.EmbeddedBroker;
import io.nhslistener.app.broker.FreePorts;
import io.nhslistener.app.reliability.ListenerChild;
import io.nhslistener.app.reliability.MentionScenario;
import io.nhslistener.app.reliability.PipelineConfig;
import io.nhslistener.app.reliability.PipelineOutcome;
import io.nhslistener.app.reliability.ScenarioRun;
import io.nhslistener.app.reliability.WebhookReceiver;
import io.nhslistener.core.topic.TopicAdmin;
import io.nhslistener.core.topic.TopicSettings;
import io.nhslistener.core.topic.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, security: the whole pipeline ({@code listener run --role all}, a child JVM) against the embedded broker
 * with a SASL_SSL listener that also requires a client certificate (mutual TLS), with certificates generated for the
 * test by {@code keytool}. Every Kafka client of every role — producers, consumers, admin clients, both Kafka Streams
 * applications — gets its connection settings from {@code kafka:} only; a client missing the SASL credentials or the
 * certificate is refused by the broker, so a complete and exact run proves that the settings reached them all. SCRAM-
 * SHA-512 carries the pipeline; PLAIN is shown through {@code listener topics}.
 *
 * <p>The same process runs with known secret values, all given through {@code ${env:…}} and {@code ${file:…}}: the
 * SASL password, the key and trust store password, the pseudonymisation key, a webhook signing secret, an SMTP
 * password (a real SMTP server checks it), and source tokens (a Mastodon token and Reddit client secret sent to a
 * refusing API stand-in; an X token for an API whose certificate the JVM does not trust, which must get no request at
 * all: no trust-all). Its logs at DEBUG, its {@code /metrics} and its {@code /health} must contain none of them.
 */
class SecuredPipelineIT {
  private static final Logger LOG = LoggerFactory.getLogger(SecuredPipelineIT.class);
  private static final String ADMIN_PASSWORD = "admin-Secret-0d1f55";
  private static final String SASL_PASSWORD = "scram-Secret-7421c9";
  private static final String PLAIN_PASSWORD = "plain-Secret-4471aa";
  private static final String STORE_PASSWORD = "store-Secret-9921bb";
  private static final String HMAC_KEY = "hmac-Secret-Key-55af0c2e9d";
  private static final String WEBHOOK_SECRET = "webhook-Secret-83b1f0";
  private static final String SMTP_PASSWORD = "smtp-Secret-2291de";
  private static final String MASTODON_TOKEN = "mastodon-Token-8c21fe";
  private static final String REDDIT_ID = "reddit-client-id";
  private static final String REDDIT_SECRET = "reddit-Secret-1f3e77";
  private static final String X_TOKEN = "x-Bearer-Token-77d0ab";
  private static final String SCRAM = "org.apache.kafka.common.security.scram.ScramLoginModule";
  private static final String PLAIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

  @TempDir Path dir;
  private ListenerChild child;

  @AfterEach
  void kill() throws InterruptedException {
    if (child != null) {
      child.close();
    }
  }

  @Test
  void thePipelineRunsOverSaslSslWithClientCertificatesAndNoSecretIsEverShown() throws Exception {
    Files.createDirectories(dir.resolve("tls"));
    TestCertificates certs = TestCertificates.generate(dir.resolve("tls"), STORE_PASSWORD);
    int port = FreePorts.pick();
    BrokerSettings settings = new BrokerSettings(dir.resolve("broker"), "127.0.0.1", port, FreePorts.pick(),
        "SASL_SSL", brokerProperties(certs), List.of(
            "SCRAM-SHA-512=[name=admin,password=" + ADMIN_PASSWORD + "]",
            "SCRAM-SHA-512=[name=listener,password=" + SASL_PASSWORD + "]"));
    // SMTP over TLS (a password is never sent in clear): GreenMail presents the test's certificate for 127.0.0.1,
    // which the listener trusts through alerts.tls.trustStore.
    System.setProperty("greenmail.tls.keystore.file", certs.brokerKeyStore().toString());
    System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort());
    smtp.setUser("comms@example.org", "listener", SMTP_PASSWORD);
    smtp.start();
    try (EmbeddedBroker broker = EmbeddedBroker.start(settings);
         WebhookReceiver webhook = new WebhookReceiver(0);
         CredentialTrap api = CredentialTrap.http();
         CredentialTrap untrusted = CredentialTrap.https(certs.brokerKeyStore(), STORE_PASSWORD)) {
      String bootstrap = broker.bootstrapServers();
      Map<String, Object> kafka = client(bootstrap, certs, "SCRAM-SHA-512", jaas(SCRAM, "listener", SASL_PASSWORD),
          true);
      assertRefused(client(bootstrap, certs, "SCRAM-SHA-512", jaas(SCRAM, "listener", "wrong-password"), true));
      assertRefused(client(bootstrap, certs, "SCRAM-SHA-512", jaas(SCRAM, "listener", SASL_PASSWORD), false));
      try (Admin admin = Admin.create(kafka)) {
        new TopicAdmin(admin, new TopicSettings(3, 3, (short) 1)).ensure(Topics.ALL);
      }

      MentionScenario scenario = MentionScenario.generate(1_500, 4);
      Path replay = dir.resolve("mentions.jsonl");
      scenario.writeReplay(replay);
      Path watchlist = Files.writeString(dir.resolve("watchlist.yaml"),
          MentionScenario.watchlistYaml("hook", "mail"));
      Path jaasFile = Files.writeString(dir.resolve("kafka-jaas.conf"), jaas(SCRAM, "listener", SASL_PASSWORD) + "\n");
      Path webhookSecret = Files.writeString(dir.resolve("webhook.secret"), WEBHOOK_SECRET + "\n");
      PipelineConfig config = securedConfig(bootstrap, certs, jaasFile, watchlist, replay)
          .route("hook", Map.of("channel", "webhook", "url", webhook.url(),
              "secret", "${file:" + webhookSecret + "}"))
          .route("mail", Map.of("channel", "email", "host", "127.0.0.1",
              "port", Integer.toString(smtp.getSmtps().getPort()), "security", "tls", "username", "listener",
              "password", "${env:TEST_SMTP_PASSWORD}", "from", "listener@example.org", "to", "comms@example.org"))
          .alerts("groupWindow", "0s")
          .alerts("tls.trustStore", certs.trustStore().toString())
          .alerts("tls.trustStorePassword", "${env:TEST_STORE_PASSWORD}")
          .source("mastodon", Map.of("type", "mastodon", "instance", api.url(), "stream", "public",
              "accessToken", "${env:TEST_MASTODON_TOKEN}"))
          .source("reddit", Map.of("type", "reddit", "api", api.url(), "tokenEndpoint", api.url() + "/token",
              "listings", "/r/nhs/new", "clientId", REDDIT_ID, "clientSecret", "${env:TEST_REDDIT_SECRET}",
              "pollInterval", "2s"))
          .source("x", Map.of("type", "x", "api", untrusted.url(), "bearerToken", "${env:TEST_X_TOKEN}",
              "keywords", "ashdown"));
      Path configFile = config.write(dir.resolve("listener.yaml"));
      List<String> secrets = secrets();
      String written = Files.readString(configFile);
      secrets.forEach(secret -> assertFalse(written.contains(secret), "a secret written into the config file"));

      child = ListenerChild.start(dir, "secured", environment(), "run", "--config", configFile.toString(),
          "--role", "all");
      List<String> scrapes = new ArrayList<>();
      Runnable watch = () -> {
        assertTrue(child.isAlive(), "the listener died:\n" + child.logTail(80));
        scrapes.add(child.scrape());
        scrapes.add(child.health());
      };
      try (ScenarioRun run = new ScenarioRun(scenario, kafka)) {
        run.sendClosersOnceMatched(Duration.ofMinutes(10), watch);
        PipelineOutcome outcome = run.awaitCaughtUp(Duration.ofMinutes(10), watch);
        ScenarioRun.assertExact(scenario, outcome);
        run.assertTimedChangelogsStampedOnAppend();
        LOG.info("RELIABILITY security: pipeline over SASL_SSL (SCRAM-SHA-512) with client certificates: {}",
            outcome.figures());
      }
      assertTrue(smtp.waitForIncomingEmail(TimeUnit.MINUTES.toMillis(2), 1), "an alert e-mail, sent after AUTH");
      assertFalse(webhook.accepted().isEmpty(), "signed webhook deliveries");
      assertTrue(api.authorizations().contains("Bearer " + MASTODON_TOKEN), "the Mastodon token was sent: "
          + api.authorizations().size() + " requests");
      assertTrue(api.authorizations().contains("Basic " + basic(REDDIT_ID, REDDIT_SECRET)),
          "the Reddit client secret was sent");
      assertEquals(List.of(), untrusted.authorizations(), "a server with an untrusted certificate got a request");

      assertEquals(0, child.stop(Duration.ofSeconds(90)), "stops cleanly");
      String exposed = child.log() + String.join("\n", scrapes);
      for (String secret : secrets) {
        assertFalse(exposed.contains(secret), "a secret appears in the log or a scrape (" + secret.length()
            + " characters, starting " + secret.substring(0, 4) + ")");
      }
      assertTrue(child.log().contains("DEBUG"), "the log was at DEBUG, the level most likely to leak");
      LOG.info("RELIABILITY security: {} secrets, none in {} characters of DEBUG log or in {} scrapes of /metrics and "
          + "/health", secrets.size(), child.log().length(), scrapes.size());

      assertPlainMechanismWorksThroughConfiguration(bootstrap, certs);
    } finally {
      smtp.stop();
    }
  }

  /** {@code listener topics} reaches the broker with PLAIN credentials from its configuration, and not without. */
  private void assertPlainMechanismWorksThroughConfiguration(String bootstrap, TestCertificates certs)
      throws Exception {
    String good = topics(bootstrap, certs, PLAIN_PASSWORD);
    assertTrue(good.contains("broker " + bootstrap + "\n"), good);
    assertTrue(good.lines().anyMatch(line -> line.startsWith(Topics.MENTIONS_RAW.name())
        && line.contains("3 partitions")), good);
    String refused = topics(bootstrap, certs, "not-the-password");
    assertTrue(refused.contains("not reachable"), refused);
  }

  private String topics(String bootstrap, TestCertificates certs, String password) throws Exception {
    Path jaasFile = Files.writeString(dir.resolve("plain-jaas.conf"), jaas(PLAIN, "listener", password));
    Path storePassword = Files.writeString(dir.resolve("store.password"), STORE_PASSWORD);
    String yaml = "kafka:\n"
        + "  bootstrap.servers: \"" + bootstrap + "\"\n"
        + "  security.protocol: SASL_SSL\n"
        + "  sasl.mechanism: PLAIN\n"
        + "  sasl.jaas.config: \"${file:" + jaasFile + "}\"\n"
        + "  ssl.truststore.location: \"" + certs.trustStore() + "\"\n"
        + "  ssl.truststore.password: \"${file:" + storePassword + "}\"\n"
        + "  ssl.keystore.location: \"" + certs.clientKeyStore() + "\"\n"
        + "  ssl.keystore.password: \"${file:" + storePassword + "}\"\n"
        + "topics:\n  mentionPartitions: 3\n  organisationPartitions: 3\n";
    Path file = Files.writeString(dir.resolve("plain.yaml"), yaml);
    StringWriter out = new StringWriter();
    int code = ListenerMain.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
        .execute("topics", "--config", file.toString());
    assertEquals(0, code, out.toString());
    return out.toString();
  }

  private static PipelineConfig securedConfig(String bootstrap, TestCertificates certs, Path jaasFile, Path watchlist,
      Path replay) {
    return new PipelineConfig(bootstrap, replay.resolveSibling("data"))
        .kafka("security.protocol", "SASL_SSL")
        .kafka("sasl.mechanism", "SCRAM-SHA-512")
        .kafka("sasl.jaas.config", "${file:" + jaasFile + "}")
        .kafka("ssl.truststore.location", certs.trustStore().toString())
        .kafka("ssl.truststore.password", "${env:TEST_STORE_PASSWORD}")
        .kafka("ssl.keystore.location", certs.clientKeyStore().toString())
        .kafka("ssl.keystore.password", "${env:TEST_STORE_PASSWORD}")
        .kafka("ssl.key.password", "${env:TEST_STORE_PASSWORD}")
        .hmacKey("${env:TEST_HMAC_KEY}")
        .watchlist(watchlist)
        .replay(replay, 0);
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TEST_STORE_PASSWORD", STORE_PASSWORD);
    env.put("TEST_HMAC_KEY", HMAC_KEY);
    env.put("TEST_SMTP_PASSWORD", SMTP_PASSWORD);
    env.put("TEST_MASTODON_TOKEN", MASTODON_TOKEN);
    env.put("TEST_REDDIT_SECRET", REDDIT_SECRET);
    env.put("TEST_X_TOKEN", X_TOKEN);
    env.put("LISTENER_LOG_LEVEL", "DEBUG");
    return env;
  }

  /** Every secret the process knows, and the encoded form one of them travels in. */
  private static List<String> secrets() {
    return List.of(SASL_PASSWORD, STORE_PASSWORD, HMAC_KEY, WEBHOOK_SECRET, SMTP_PASSWORD, MASTODON_TOKEN,
        REDDIT_SECRET, X_TOKEN, basic(REDDIT_ID, REDDIT_SECRET));
  }

  private static Map<String, String> brokerProperties(TestCertificates certs) {
    Map<String, String> p = new HashMap<>(EagerRetention.PROPERTIES); // the scenario is dated in the past
    p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN");
    p.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
    p.put("listener.name.client.scram-sha-512.sasl.jaas.config", jaas(SCRAM, "admin", ADMIN_PASSWORD));
    p.put("listener.name.client.plain.sasl.jaas.config", PLAIN + " required username=\"admin\" password=\""
        + ADMIN_PASSWORD + "\" user_admin=\"" + ADMIN_PASSWORD + "\" user_listener=\"" + PLAIN_PASSWORD + "\";");
    p.put("ssl.keystore.location", certs.brokerKeyStore().toString());
    p.put("ssl.keystore.type", "PKCS12");
    p.put("ssl.keystore.password", STORE_PASSWORD);
    p.put("ssl.key.password", STORE_PASSWORD);
    p.put("ssl.truststore.location", certs.trustStore().toString());
    p.put("ssl.truststore.type", "PKCS12");
    p.put("ssl.truststore.password", STORE_PASSWORD);
    // KIP-684: on a SASL_SSL listener only the listener-prefixed setting asks for client certificates.
    p.put("listener.name.client.ssl.client.auth", "required");
    return p;
  }

  private static Map<String, Object> client(String bootstrap, TestCertificates certs, String mechanism, String jaas,
      boolean withCertificate) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrap);
    p.put("security.protocol", "SASL_SSL");
    p.put("sasl.mechanism", mechanism);
    p.put("sasl.jaas.config", jaas);
    p.put("ssl.truststore.location", certs.trustStore().toString());
    p.put("ssl.truststore.password", STORE_PASSWORD);
    if (withCertificate) {
      p.put("ssl.keystore.location", certs.clientKeyStore().toString());
      p.put("ssl.keystore.password", STORE_PASSWORD);
      p.put("ssl.key.password", STORE_PASSWORD);
    }
    return p;
  }

  /** The broker refuses a client with a wrong password or without a certificate. */
  private static void assertRefused(Map<String, Object> props) {
    Map<String, Object> quick = new HashMap<>(props);
    quick.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    quick.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    try (Admin admin = Admin.create(quick)) {
      assertThrows(ExecutionException.class, () -> admin.listTopics().names().get());
    }
  }

  private static String jaas(String module, String user, String password) {
    return module + " required username=\"" + user + "\" password=\"" + password + "\";";
  }

  private static String basic(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
