package io.nhslistener.app.process;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a Kafka Streams application and waits, for a bounded time, until it first runs.
 *
 * <p>Why wait: roles start in order so that ingest follows the stream processors. If ingest produced while the
 * application was still joining its group, the processors would start on a backlog, and Kafka Streams works a backlog
 * off partition by partition, in turns: neighbouring records then lie far apart in event time, which windows must
 * absorb. Starting on live traffic avoids that. The wait is bounded so that a slow restore (a large changelog) delays
 * the next role by at most {@code limit}, never indefinitely.
 */
final class StreamsStartup {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsStartup.class);

  private StreamsStartup() {}

  /**
   * Starts {@code streams} and returns once it is {@code RUNNING}, or after {@code limit}, or when it fails.
   *
   * @throws InterruptedException when interrupted while waiting; the application keeps running
   */
  static void startAndAwaitRunning(KafkaStreams streams, String role, Duration limit) throws InterruptedException {
    CountDownLatch settled = new CountDownLatch(1);
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING || !now.isRunningOrRebalancing()) {
        settled.countDown();
      }
    });
    streams.start();
    if (!settled.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("{}: not running after {} (state {}); starting the next role anyway", role, limit, streams.state());
    }
  }
}
