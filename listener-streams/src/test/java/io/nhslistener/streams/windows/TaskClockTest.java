package io.nhslistener.streams.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TaskClockTest {
  private static final long IDLE = 30_000;
  private static final long WALL = 1_700_000_000_000L;

  @Test
  void unknownUntilAMentionOrAnIdleGracePeriod() {
    TaskClock clock = new TaskClock(IDLE, 0, WALL);
    clock.tick(WALL + IDLE - 1);
    assertEquals(TaskClock.UNKNOWN, clock.time());
    clock.tick(WALL + IDLE);
    assertEquals(WALL + IDLE, clock.time());
  }

  @Test
  void mentionsMoveItForwardOnly() {
    TaskClock clock = new TaskClock(IDLE, 0, WALL);
    clock.observe(WALL - 5_000, WALL);
    clock.observe(WALL - 9_000, WALL);
    assertEquals(WALL - 5_000, clock.time());
  }

  @Test
  void runsOnAtWallClockSpeedFromAnOldEventTime() {
    long old = WALL - 86_400_000L; // a replay of yesterday
    TaskClock clock = new TaskClock(IDLE, 0, WALL);
    clock.observe(old, WALL);
    clock.tick(WALL + 1_000);
    clock.observe(old + 500, WALL + 1_500); // behind the clock: no change
    clock.tick(WALL + 2_000);
    assertEquals(old + 2_000, clock.time(), "not today's date while replayed mentions keep arriving");
  }

  @Test
  void snapsToTheWallClockAfterAGracePeriodWithoutAnyMention() {
    long old = WALL - 86_400_000L;
    TaskClock clock = new TaskClock(IDLE, 0, WALL);
    clock.observe(old, WALL);
    clock.tick(WALL + IDLE - 1);
    assertEquals(old + IDLE - 1, clock.time());
    clock.tick(WALL + IDLE);
    assertEquals(WALL + IDLE, clock.time());
    clock.tick(WALL + IDLE + 1_000);
    assertEquals(WALL + IDLE + 1_000, clock.time());
  }

  @Test
  void closingTimeIsTheClockAsItStoodTheSettleDelayAgo() {
    long settle = 2_000;
    long old = WALL - 86_400_000L;
    TaskClock clock = new TaskClock(IDLE, settle, WALL);
    clock.observe(old, WALL);
    clock.observe(old + 600_000, WALL + 10); // a backlog: ten minutes of event time in ten milliseconds
    assertEquals(TaskClock.UNKNOWN, clock.closingTime(WALL + settle - 1), "not known a settle delay ago");
    clock.observe(old + 900_000, WALL + 500);
    assertEquals(old + 600_000, clock.closingTime(WALL + settle + 10));
    assertEquals(old + 600_000, clock.closingTime(WALL + settle + 499));
    assertEquals(old + 900_000, clock.closingTime(WALL + settle + 500));
    assertEquals(old + 900_000, clock.time());
  }

  @Test
  void withoutSettleClosingTimeIsTheClock() {
    TaskClock clock = new TaskClock(IDLE, 0, WALL);
    clock.observe(WALL - 5_000, WALL);
    assertEquals(WALL - 5_000, clock.closingTime(WALL));
  }
}
