package io.nhslistener.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time by part of the process, from each live thread's CPU time, sampled periodically so that threads that end
 * between samples (an ingest runner that finished) still count up to their last sample. A thread belongs to the first
 * part whose test its name passes; JVM-internal threads (garbage collection, JIT) are not Java threads and show only
 * in the process total. Not thread-safe: sample from one thread.
 */
final class ThreadCpu {
  /** A part of the process and how to recognise its threads by name. */
  record Part(String name, Predicate<String> threadName) {}

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final List<Part> parts;
  private final Map<Long, Long> first = new HashMap<>();
  private final Map<Long, Long> last = new HashMap<>();
  private final Map<Long, String> partOf = new HashMap<>();
  private boolean baselineTaken;

  ThreadCpu(List<Part> parts) {
    this.parts = List.copyOf(parts);
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
  }

  /**
   * Reads every live thread's CPU time. The first sample after {@link #reset()} is the baseline; threads that start
   * later count from zero.
   */
  void sample() {
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long cpu = threads.getThreadCpuTime(ids[i]);
      if (cpu < 0 || infos[i] == null) {
        continue;
      }
      long id = ids[i];
      if (!first.containsKey(id)) {
        first.put(id, baselineTaken ? 0L : cpu);
        partOf.put(id, partFor(infos[i].getThreadName()));
      }
      last.put(id, cpu);
    }
    baselineTaken = true;
  }

  /** Forgets everything: the next sample is the new baseline. */
  void reset() {
    first.clear();
    last.clear();
    partOf.clear();
    baselineTaken = false;
  }

  /** CPU nanoseconds per part since the baseline, in the order of the parts, then "other threads". */
  Map<String, Long> byPart() {
    Map<String, Long> totals = new LinkedHashMap<>();
    parts.forEach(part -> totals.put(part.name(), 0L));
    totals.put("other threads", 0L);
    last.forEach((id, cpu) -> totals.merge(partOf.get(id), cpu - first.get(id), Long::sum));
    return totals;
  }

  private String partFor(String threadName) {
    for (Part part : parts) {
      if (part.threadName().test(threadName)) {
        return part.name();
      }
    }
    return "other threads";
  }
}
