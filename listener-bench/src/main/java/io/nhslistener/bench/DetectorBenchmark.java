package io.nhslistener.bench;

import io.nhslistener.alerts.detect.Decision;
import io.nhslistener.alerts.detect.DetectorSettings;
import io.nhslistener.alerts.detect.OrgAlertDetector;
import io.nhslistener.alerts.detect.SpikeDetector;
import io.nhslistener.alerts.detect.WindowObservation;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Alert detection, one point (one closed window of one organisation) per operation, on a series of counts with a
 * daily shape, noise and an occasional burst, after the detectors' warm-up:
 * <ul>
 *   <li>{@code spikeDetectorObserve}: the online novelty detector alone ({@link SpikeDetector#observe});
 *   <li>{@code orgDetectorObserve}: everything judged for one organisation's window, volume and sentiment with their
 *       episodes ({@link OrgAlertDetector#observe});
 *   <li>{@code orgDetectorStoredStep}: what the detection topology does per window, restoring the organisation's
 *       detector from its snapshot, judging the window and taking the new snapshot (the state store's JSON is not
 *       included).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectorBenchmark {
  private static final int POINTS = 1 << 16;
  private static final long WINDOW_MS = 60_000;
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  private final long[] counts = new long[POINTS];
  private final long[] negatives = new long[POINTS];
  private SpikeDetector spikes;
  private OrgAlertDetector detector;
  private byte[] snapshot;
  private int next;
  private long window;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < POINTS; i++) {
      double daily = 8 + 6 * Math.sin(2 * Math.PI * (i % 1440) / 1440.0);
      long count = Math.max(0, Math.round(daily + random.nextGaussian() * Math.sqrt(daily)));
      if (random.nextInt(2000) == 0) {
        count *= 10;
      }
      counts[i] = count;
      negatives[i] = count == 0 ? 0 : random.nextInt((int) count + 1) / 3;
    }
    spikes = new SpikeDetector(1.0);
    detector = new OrgAlertDetector(DetectorSettings.DEFAULTS);
    for (int i = 0; i < 2 * SpikeDetector.WARM_UP; i++) {
      spikes.observe(counts[i]);
      detector.observe(observation());
    }
    snapshot = detector.snapshot();
  }

  private int index() {
    next = (next + 1) & (POINTS - 1);
    return next;
  }

  private WindowObservation observation() {
    int i = index();
    Instant start = START.plusMillis(window++ * WINDOW_MS);
    double mean = counts[i] == 0 ? 0.0 : 0.2 - 0.6 * negatives[i] / (double) counts[i];
    return new WindowObservation(start, start.plusMillis(WINDOW_MS), counts[i], negatives[i], mean);
  }

  @Benchmark
  public boolean spikeDetectorObserve() {
    return spikes.observe(counts[index()]);
  }

  @Benchmark
  public List<Decision> orgDetectorObserve() {
    return detector.observe(observation());
  }

  @Benchmark
  public byte[] orgDetectorStoredStep() {
    OrgAlertDetector restored = OrgAlertDetector.restore(snapshot, DetectorSettings.DEFAULTS);
    restored.observe(observation());
    snapshot = restored.snapshot();
    return snapshot;
  }
}
