package io.nhslistener.alerts.delivery;

import io.nhslistener.core.model.Alert;
import org.apache.kafka.common.TopicPartition;

/**
 * One record of {@code listener.alerts} being delivered: its position, original bytes (for a dead letter) and the
 * number of obligations still open on it (route deliveries and dead letters). When the last one is settled the
 * offset is finished.
 */
final class PendingAlert {
  final TopicPartition partition;
  final long offset;
  final byte[] key;
  final byte[] value;
  private final PartitionProgress progress;
  private Alert alert;
  private int open;

  PendingAlert(TopicPartition partition, long offset, byte[] key, byte[] value, PartitionProgress progress) {
    this.partition = partition;
    this.offset = offset;
    this.key = key;
    this.value = value;
    this.progress = progress;
  }

  Alert alert() {
    return alert;
  }

  void alert(Alert decoded) {
    this.alert = decoded;
  }

  /** One more thing must happen before this record is finished. */
  void open() {
    open++;
  }

  /** One obligation is settled; finishes the record when it was the last. */
  void settle() {
    open--;
    finishIfSettled();
  }

  /** Finishes the record if nothing is open (after intake decided it needs nothing more). */
  void finishIfSettled() {
    if (open == 0) {
      progress.finish(offset);
    }
  }
}
