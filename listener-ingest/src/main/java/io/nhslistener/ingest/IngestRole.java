package io.nhslistener.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.nhslistener.core.config.ConfigException;
import io.nhslistener.core.config.ConfigProblem;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.config.SectionEntry;
import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.privacy.Pseudonymiser;
import io.nhslistener.ingest.runner.BackoffPolicy;
import io.nhslistener.ingest.runner.CursorStore;
import io.nhslistener.ingest.runner.ErrorPolicy;
import io.nhslistener.ingest.runner.IngestProducers;
import io.nhslistener.ingest.runner.IngestRunner;
import io.nhslistener.ingest.runner.KafkaCursorStore;
import io.nhslistener.ingest.runner.MentionPrivacy;
import io.nhslistener.ingest.runner.Sleeper;
import io.nhslistener.ingest.runner.SourceMetrics;
import io.nhslistener.ingest.source.SourceConnector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest role: one {@link IngestRunner} per source instance, each on its own thread with its own transactional
 * producer, all sharing one HTTP client, one dead-letter counter and one pseudonymiser.
 *
 * <p>Two ways in: {@link #IngestRole(ListenerConfig, Map, MeterRegistry, Clock)} runs every entry of {@code sources:};
 * {@link #builder} takes connectors built in code (the demo's replay, the benchmark's synthetic load). Either way the
 * listener topics must exist before {@link #start()}.
 */
public final class IngestRole implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestRole.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final List<IngestRunner> runners;
  private final List<Thread> threads = new ArrayList<>();

  /**
   * Every configured source.
   *
   * @param kafkaProps client properties with {@code bootstrap.servers}
   * @throws ConfigException when {@code privacy.hmacKey} is missing or too short, or a source's settings conflict
   */
  public IngestRole(ListenerConfig config, Map<String, ?> kafkaProps, MeterRegistry registry, Clock clock) {
    this(fromConfig(config, kafkaProps, registry, clock));
  }

  private IngestRole(Builder builder) {
    DeadLetters deadLetters = new DeadLetters(builder.registry, builder.clock);
    MentionPrivacy privacy = new MentionPrivacy(builder.pseudonymiser);
    CursorStore cursors = builder.cursors != null ? builder.cursors : new KafkaCursorStore(builder.kafkaProps);
    List<IngestRunner> created = new ArrayList<>();
    for (Source source : builder.sources.values()) {
      created.add(new IngestRunner(source.id(), source.connector(), () -> builder.producers.apply(source.id()),
          cursors, privacy, new ErrorPolicy(source.backoff(), new Random()), deadLetters,
          new SourceMetrics(builder.registry, source.id()), builder.sleeper, builder.clock));
    }
    this.runners = List.copyOf(created);
  }

  /** Sources given in code; see {@link Builder}. */
  public static Builder builder(Map<String, ?> kafkaProps, MeterRegistry registry, Clock clock) {
    return new Builder(kafkaProps, registry, clock);
  }

  /** Starts every runner on its own thread; returns at once. */
  public synchronized void start() {
    if (!threads.isEmpty()) {
      throw new IllegalStateException("already started");
    }
    for (IngestRunner runner : runners) {
      Thread thread = new Thread(runner, "ingest-" + runner.sourceId());
      threads.add(thread);
      thread.start();
    }
    LOG.info("ingest: started {} source(s)", runners.size());
  }

  /** The state of each source instance, by id. */
  public Map<String, IngestRunner.State> states() {
    Map<String, IngestRunner.State> states = new LinkedHashMap<>();
    runners.forEach(runner -> states.put(runner.sourceId(), runner.state()));
    return states;
  }

  /**
   * Waits until every runner has ended (finite sources finished, others failed or stopped).
   *
   * @return true when all ended within {@code timeout}
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      thread.join(Math.max(1, left / 1_000_000));
      if (thread.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /** Stops every runner and waits (up to ten seconds) for their threads; safe to call twice. */
  @Override
  public synchronized void close() {
    runners.forEach(IngestRunner::stop);
    try {
      if (!awaitTermination(STOP_WAIT)) {
        LOG.warn("ingest: some sources did not stop within {} s", STOP_WAIT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Builder fromConfig(ListenerConfig config, Map<String, ?> kafkaProps, MeterRegistry registry,
      Clock clock) {
    String key = config.find(CoreSettings.HMAC_KEY).orElseThrow(() -> new ConfigException(List.of(
        new ConfigProblem(CoreSettings.HMAC_KEY.name(), null, "is required to ingest: " + CoreSettings.HMAC_KEY.doc()))));
    Builder builder = builder(kafkaProps, registry, clock).hmacKey(key);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    SourceFactory factory = new SourceFactory(http, clock);
    for (SectionEntry entry : config.section(IngestSettings.SOURCES.name())) {
      builder.source(entry.id(), factory.create(entry), SourceFactory.backoff(entry.type()));
    }
    return builder;
  }

  private record Source(String id, SourceConnector connector, BackoffPolicy backoff) {}

  /** Assembles a role from connectors built in code. */
  public static final class Builder {
    private final Map<String, ?> kafkaProps;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private Pseudonymiser pseudonymiser;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private CursorStore cursors;
    private Function<String, Producer<byte[], byte[]>> producers;

    private Builder(Map<String, ?> kafkaProps, MeterRegistry registry, Clock clock) {
      this.kafkaProps = Map.copyOf(kafkaProps);
      this.registry = registry;
      this.clock = clock;
      this.producers = sourceId -> IngestProducers.create(this.kafkaProps, sourceId);
    }

    /**
     * The pseudonymisation key ({@code privacy.hmacKey}).
     *
     * @throws ConfigException when shorter than 16 bytes
     */
    public Builder hmacKey(String key) {
      try {
        pseudonymiser = new Pseudonymiser(key);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(List.of(new ConfigProblem(CoreSettings.HMAC_KEY.name(), "****", e.getMessage())));
      }
      return this;
    }

    /**
     * Adds a source instance.
     *
     * @param id source instance id, unique: cursor key, transactional id, metric tag
     * @throws IllegalArgumentException when the id is already taken
     */
    public Builder source(String id, SourceConnector connector, BackoffPolicy backoff) {
      if (sources.putIfAbsent(id, new Source(id, connector, backoff)) != null) {
        throw new IllegalArgumentException("duplicate source id " + id);
      }
      return this;
    }

    /** Replaces real waits (tests). */
    public Builder sleeper(Sleeper value) {
      sleeper = value;
      return this;
    }

    /** Replaces the Kafka cursor reader (tests with a mock producer). */
    public Builder cursors(CursorStore value) {
      cursors = value;
      return this;
    }

    /** Replaces the producer factory, given the source id (tests with a mock producer). */
    public Builder producers(Function<String, Producer<byte[], byte[]>> value) {
      producers = value;
      return this;
    }

    /**
     * @throws IllegalStateException when no key was given
     */
    public IngestRole build() {
      if (pseudonymiser == null) {
        throw new IllegalStateException("an HMAC key is required");
      }
      return new IngestRole(this);
    }
  }
}
