package io.nhslistener.streams.match;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reports, next to JMH's wall-clock throughput, the benchmark thread's CPU seconds per iteration
 * ({@code cpuSeconds}). On a machine shared with other work the wall clock also counts the time the thread waited for
 * a core; operations per CPU second ({@code ops / cpuSeconds}) do not. Single-threaded benchmarks only.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** CPU seconds the benchmark thread used in the iteration. */
  public double cpuSeconds;
  private long start;

  @Setup(Level.Iteration)
  public void start() {
    cpuSeconds = 0;
    start = THREADS.getCurrentThreadCpuTime();
  }

  @TearDown(Level.Iteration)
  public void stop() {
    cpuSeconds = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
  }
}
