package io.nhslistener.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What the process costs, read from the JVM: CPU time of the whole process, heap in use right after each garbage
 * collection (the live set plus what that collection left behind: a better measure of what the process needs than
 * heap in use at a random moment; the largest value is kept), collection time, and the machine's load average for
 * context. Listens to the collectors' notifications until closed. Thread-safe.
 */
final class ResourceSampler implements AutoCloseable {
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final NotificationListener listener = this::onCollection;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private long maxHeapAfterGc;
  private long lastHeapAfterGc;

  ResourceSampler() {
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  private void onCollection(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        MemoryUsage usage = pool.getValue();
        used += usage.getUsed();
      }
    }
    synchronized (this) {
      lastHeapAfterGc = used;
      maxHeapAfterGc = Math.max(maxHeapAfterGc, used);
    }
  }

  /** Process CPU time so far, in nanoseconds. */
  long cpuNanos() {
    return os.getProcessCpuTime();
  }

  /** Total collection time so far, in milliseconds. */
  long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  /** The system load average over the last minute, or a negative value where the platform has none. */
  double loadAverage() {
    return os.getSystemLoadAverage();
  }

  /** Heap in use after the latest collection, in bytes (0 before the first). */
  synchronized long heapAfterGc() {
    return lastHeapAfterGc;
  }

  /** The largest heap in use after a collection so far, in bytes. */
  synchronized long maxHeapAfterGc() {
    return maxHeapAfterGc;
  }

  /** Forgets the largest value, e.g. once start-up is over. */
  synchronized void resetMax() {
    maxHeapAfterGc = lastHeapAfterGc;
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // Never added to this one: nothing to remove.
      }
    }
  }
}
