package io.nhslistener.app.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.ingest.IngestRole;
import io.nhslistener.ingest.bluesky.JetstreamConnector;
import io.nhslistener.ingest.runner.BackoffPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The ingest role with one Jetstream source, alone in its own JVM so that a test can kill it without warning
 * ({@code destroyForcibly}) and start it again. Arguments: bootstrap servers, Jetstream address, HMAC key.
 */
public final class IngestChild {
  static final String SOURCE_ID = "bluesky-it";

  private IngestChild() {}

  public static void main(String[] args) throws InterruptedException {
    Clock clock = Clock.systemUTC();
    IngestRole role = IngestRole.builder(Map.of("bootstrap.servers", args[0]), new SimpleMeterRegistry(), clock)
        .hmacKey(args[2])
        .source(SOURCE_ID, new JetstreamConnector(SOURCE_ID, URI.create(args[1]), Duration.ofSeconds(1),
            HttpClient.newHttpClient(), Duration.ofSeconds(30), clock), BackoffPolicy.DEFAULT)
        .build();
    role.start();
    new CountDownLatch(1).await();
  }
}
