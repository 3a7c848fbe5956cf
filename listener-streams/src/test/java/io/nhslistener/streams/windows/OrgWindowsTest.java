package io.nhslistener.streams.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgWindowsTest {
  private static final long SIZE = 60_000;

  @Test
  void emitsEveryWindowBeforeTheBoundaryInOrderAndMovesTheFrontier() {
    OrgWindows org = OrgWindows.startingAt(0);
    org.windowAt(2 * SIZE, SIZE).count = 7;
    List<WindowAggregate> out = new ArrayList<>();
    assertEquals(0, org.closeBefore(4 * SIZE, SIZE, Long.MIN_VALUE, out::add));
    assertEquals(List.of(0L, SIZE, 2 * SIZE, 3 * SIZE), out.stream().map(WindowAggregate::start).toList());
    assertEquals(List.of(0L, 0L, 7L, 0L), out.stream().map(WindowAggregate::count).toList());
    assertEquals(4 * SIZE, org.frontier());
    assertTrue(org.hasNoOpenWindows());
    assertThrows(IllegalArgumentException.class, () -> org.windowAt(3 * SIZE, SIZE));
  }

  @Test
  void afterAClockJumpSkipsOldEmptyWindowsButNeverOnesWithMentions() {
    OrgWindows org = OrgWindows.startingAt(0);
    org.windowAt(5 * SIZE, SIZE).count = 1;
    List<WindowAggregate> out = new ArrayList<>();
    long skipped = org.closeBefore(1_000 * SIZE, SIZE, 998 * SIZE, out::add);
    assertEquals(List.of(5 * SIZE, 998 * SIZE, 999 * SIZE), out.stream().map(WindowAggregate::start).toList());
    assertEquals(5 + 992, skipped);
    assertEquals(1_000 * SIZE, org.frontier());
  }
}
