package io.nhslistener.alerts.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivery meters:
 * <ul>
 *   <li>{@value #DELIVERIES} counter {channel, outcome}: what happened to each alert on each route;</li>
 *   <li>{@value #PENDING} gauge {channel}: alerts waiting on a route (grouping, quiet hours or retry);</li>
 *   <li>{@value #LATENCY} timer {channel}: from the end of the alert's window to the receiver accepting it.</li>
 * </ul>
 * Thread-safe.
 */
public final class DeliveryMeters {
  public static final String DELIVERIES = "listener.alert.deliveries";
  public static final String PENDING = "listener.alert.delivery.pending";
  public static final String LATENCY = "listener.latency.delivered";

  /** Buckets of the latency histogram: an alert should reach people within a minute or two of its window. */
  static final Duration[] LATENCY_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(12)};

  /** What happened to one alert on one route. */
  public enum Outcome {
    /** The receiver accepted it. */
    DELIVERED,
    /** An attempt failed; it will be retried. */
    FAILED_ATTEMPT,
    /** Retries ran out or the receiver refused it for good: it went to listener.deadletter. */
    DEAD_LETTERED,
    /** Cool-down, duplicate, or the resolved notice of a suppressed alert: deliberately not sent. */
    SUPPRESSED,
    /** Held for the quiet-hours digest. */
    HELD,
    /** No route takes the alert (counted with channel {@code none}): it stays on listener.alerts only. */
    UNROUTED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicInteger> pending = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Timer> latency = new ConcurrentHashMap<>();

  public DeliveryMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  public void count(String channel, Outcome outcome) {
    counters.computeIfAbsent(channel + '|' + outcome, k -> Counter.builder(DELIVERIES)
        .description("Alert deliveries by channel and outcome (delivered, failed_attempt, dead_lettered, "
            + "suppressed, held, unrouted)")
        .tag("channel", channel)
        .tag("outcome", outcome.label())
        .register(registry)).increment();
  }

  /** Adds {@code delta} to the alerts waiting on routes of {@code channel}. */
  public void pending(String channel, int delta) {
    pending.computeIfAbsent(channel, k -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder(PENDING, value, AtomicInteger::get)
          .description("Alerts waiting on routes of this channel: grouping, held for quiet hours, or between retries")
          .tag("channel", channel)
          .register(registry);
      return value;
    }).addAndGet(delta);
  }

  /** Records the time from the end of an alert's window until a receiver accepted it. */
  public void delivered(String channel, Duration sinceWindowEnd) {
    latency.computeIfAbsent(channel, k -> Timer.builder(LATENCY)
        .description("End-to-end latency from the close of the window that raised an alert to its delivery")
        .tag("channel", channel)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry)).record(sinceWindowEnd.isNegative() ? Duration.ZERO : sinceWindowEnd);
  }
}
