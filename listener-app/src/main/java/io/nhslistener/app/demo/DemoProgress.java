package io.nhslistener.app.demo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The demo's progress line, every few seconds, read from the pipeline's own meters: mentions in, unique, echoes,
 * matched, windows closed and alerts.
 */
final class DemoProgress implements AutoCloseable {
  private static final Duration EVERY = Duration.ofSeconds(5);

  private final MeterRegistry registry;
  private final PrintWriter out;
  private final IntSupplier alerts;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "demo-progress");
    thread.setDaemon(true);
    return thread;
  });

  DemoProgress(MeterRegistry registry, PrintWriter out, IntSupplier alerts) {
    this.registry = registry;
    this.out = out;
    this.alerts = alerts;
  }

  void start() {
    timer.scheduleAtFixedRate(this::print, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Counts now, as the summary reports them. */
  Counts counts() {
    return new Counts(sum("listener.ingest.produced", null), sum("listener.dedupe.mentions", "unique"),
        sum("listener.dedupe.mentions", "repost") + sum("listener.dedupe.mentions", "near_duplicate"),
        sum("listener.dedupe.mentions", "duplicate"), sum("listener.match.mentions", "matched"),
        sum("listener.windows.emitted", null), alerts.getAsInt());
  }

  private void print() {
    Counts c = counts();
    long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    synchronized (out) {
      out.printf("[%02d:%02d] mentions in %,d · unique %,d · echoes %,d · matched %,d · windows %,d · alerts %d%n",
          seconds / 60, seconds % 60, c.in(), c.unique(), c.echoes(), c.matched(), c.windows(), c.alerts());
      out.flush();
    }
  }

  private long sum(String meter, String outcome) {
    return (long) registry.find(meter).counters().stream()
        .filter(counter -> outcome == null || outcome.equals(counter.getId().getTag("outcome")))
        .mapToDouble(Counter::count).sum();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /**
   * Pipeline counts.
   *
   * @param in mentions produced by ingest
   * @param unique first sightings forwarded by dedupe
   * @param echoes reposts and near-duplicates counted as echoes
   * @param duplicates exact redeliveries dropped
   * @param matched unique mentions that matched at least one organisation
   * @param windows organisation windows closed
   * @param alerts alerts printed
   */
  record Counts(long in, long unique, long echoes, long duplicates, long matched, long windows, int alerts) {}
}
