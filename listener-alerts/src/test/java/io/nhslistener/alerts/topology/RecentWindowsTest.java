package io.nhslistener.alerts.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.TermCount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state records and the in-memory recent windows used by backtests. */
class RecentWindowsTest {
  private static RecentWindow window(int index) {
    return RecentWindow.of(StatsSeries.window("trust-a", index, 10, 0.2, "t" + index));
  }

  private static List<Integer> indexes(List<RecentWindow> windows) {
    return windows.stream().map(w -> StatsSeries.indexOf(w.windowStart())).toList();
  }

  @Test
  void memoryKeepsOnlyTheHorizonBehindTheNewestWindowPerOrganisation() {
    MemoryRecentWindows recent = new MemoryRecentWindows(Duration.ofMinutes(29));
    for (int i = 0; i < 40; i++) {
      recent.add("trust-a", window(i));
    }
    recent.add("trust-b", RecentWindow.of(StatsSeries.window("trust-b", 3, 10, 0.2, "b")));

    assertEquals(List.of(10, 11, 12, 13),
        indexes(recent.between("trust-a", StatsSeries.start(0), StatsSeries.start(13))));
    assertEquals(30, recent.between("trust-a", Instant.MIN, Instant.MAX).size());
    assertEquals(List.of(3), indexes(recent.between("trust-b", Instant.MIN, Instant.MAX)));
    assertEquals(List.of(), recent.between("trust-c", Instant.MIN, Instant.MAX));
  }

  @Test
  void recentWindowCapsWhatItKeeps() {
    List<TermCount> terms = new ArrayList<>();
    List<SampleMention> samples = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      terms.add(new TermCount("t" + i, 20 - i));
      samples.add(new SampleMention("m" + i, null, "text", 0, i));
    }

    RecentWindow window = new RecentWindow(StatsSeries.START, terms, samples);

    assertEquals(terms.subList(0, 10), window.topTerms());
    assertEquals(samples.subList(0, 5), window.samples());
  }

  @Test
  void statesRoundTripAsJson() {
    OrgState state = OrgState.of(new byte[] {1, 2, 3}, StatsSeries.start(7));

    OrgState read = OrgState.SERDE.deserialize(null, OrgState.SERDE.serialize(null, state));

    assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), List.of(read.detector()[0], read.detector()[1],
        read.detector()[2]));
    assertEquals(StatsSeries.start(7), read.lastWindowStart());
    assertEquals(window(4), RecentWindow.SERDE.deserialize(null, RecentWindow.SERDE.serialize(null, window(4))));
  }

  @Test
  void aStateOfAnotherLayoutIsRefusedNamingTheField() {
    byte[] future = "{\"v\":2,\"detector\":\"AQID\",\"lastWindowStart\":\"2026-01-05T00:07:00Z\"}"
        .getBytes(StandardCharsets.UTF_8);

    RecordFormatException e = assertThrows(RecordFormatException.class, () -> OrgState.SERDE.deserialize(null, future));
    assertEquals("v", e.field());
  }
}
