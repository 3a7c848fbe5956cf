package io.nhslistener.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {
  @Test
  void commitsUpToTheLowestUnfinishedOffsetAndRecordsTheOthers() {
    PartitionProgress progress = PartitionProgress.fresh();
    LongStream.range(0, 6).forEach(progress::begin);
    progress.finish(0);
    progress.finish(2);
    progress.finish(5);
    assertEquals(new OffsetAndMetadata(1, "d1;h=6;p=1,3-4"), progress.commitPoint(6));
    progress.finish(1);
    progress.finish(3);
    progress.finish(4);
    assertEquals(new OffsetAndMetadata(6), progress.commitPoint(6));
  }

  @Test
  void aResumedPartitionSkipsWhatWasFinishedAndRedoesWhatWasNot() {
    PartitionProgress progress = PartitionProgress.resume(new OffsetAndMetadata(1, "d1;h=6;p=1,3-4"));
    assertTrue(progress.finishedBefore(0));
    assertFalse(progress.finishedBefore(1));
    assertTrue(progress.finishedBefore(2));
    assertFalse(progress.finishedBefore(3));
    assertFalse(progress.finishedBefore(4));
    assertTrue(progress.finishedBefore(5));
    assertFalse(progress.finishedBefore(6));
    assertEquals(new OffsetAndMetadata(1, "d1;h=6;p=1,3-4"), progress.commitPoint(0),
        "while re-reading earlier records the commit never moves back");
    progress.begin(1);
    progress.finish(1);
    progress.begin(3);
    progress.begin(4);
    progress.finish(4);
    assertEquals(new OffsetAndMetadata(3, "d1;h=6;p=3"), progress.commitPoint(6));
    progress.finish(3);
    assertEquals(new OffsetAndMetadata(6), progress.commitPoint(6));
  }

  @Test
  void aPendingOffsetTheLogNoLongerHasIsForgottenOncePassed() {
    PartitionProgress progress = PartitionProgress.resume(new OffsetAndMetadata(10, "d1;h=13;p=10,12"));
    progress.begin(12);
    progress.finish(12);
    assertEquals(new OffsetAndMetadata(13), progress.commitPoint(13), "offset 10 was never returned: it is gone");
  }

  @Test
  void plainAndUnreadableMetadataResumeAtTheCommittedOffset() {
    PartitionProgress plain = PartitionProgress.resume(new OffsetAndMetadata(7));
    assertTrue(plain.finishedBefore(6));
    assertFalse(plain.finishedBefore(7));
    PartitionProgress garbled = PartitionProgress.resume(new OffsetAndMetadata(7, "d1;h=x;p="));
    assertFalse(garbled.finishedBefore(7));
    assertFalse(garbled.finishedBefore(8));
    PartitionProgress outside = PartitionProgress.resume(new OffsetAndMetadata(7, "d1;h=9;p=3"));
    assertFalse(outside.finishedBefore(8), "a range below the commit is rejected as a whole");
    assertEquals(new OffsetAndMetadata(7), outside.commitPoint(7));
  }

  @Test
  void nothingCommittedStartsFromThePosition() {
    PartitionProgress progress = PartitionProgress.resume(null);
    assertFalse(progress.finishedBefore(0));
    assertEquals(new OffsetAndMetadata(4), progress.commitPoint(4));
  }

  @Test
  void tooManyUnfinishedOffsetsAreCommittedWithoutMetadata() {
    PartitionProgress progress = PartitionProgress.fresh();
    for (long offset = 0; offset < 2_000; offset++) {
      progress.begin(offset);
      if (offset % 2 == 1) {
        progress.finish(offset);
      }
    }
    assertEquals(new OffsetAndMetadata(0, ""), progress.commitPoint(2_000));
  }
}
