package io.nhslistener.streams.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.config.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowConfigTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void defaultsAreOneMinuteThirtySecondsGraceQuarterAndHourRollUpsTwoSecondsSettle() {
    assertEquals(new WindowConfig(MINUTE, Duration.ofSeconds(30), List.of(Duration.ofMinutes(15), Duration.ofHours(1)),
        Duration.ofSeconds(1), Duration.ofSeconds(2)), WindowConfig.DEFAULTS);
  }

  @Test
  void rollUpThatIsNotAMultipleOfTheWindowIsRejectedNamingKeyAndValue() {
    ConfigException e = assertThrows(ConfigException.class, () -> new WindowConfig(MINUTE, Duration.ofSeconds(30),
        List.of(Duration.ofSeconds(90)), Duration.ofSeconds(1), Duration.ZERO));
    assertEquals("streams.rollups", e.problems().get(0).key());
    assertTrue(e.getMessage().contains("90s must be a multiple of streams.window (1m)"), e.getMessage());
  }

  @Test
  void rollUpNoLongerThanTheWindowAndRepeatsAreRejected() {
    assertThrows(ConfigException.class,
        () -> new WindowConfig(MINUTE, Duration.ZERO, List.of(MINUTE), Duration.ofSeconds(1), Duration.ZERO));
    assertThrows(ConfigException.class, () -> new WindowConfig(MINUTE, Duration.ZERO,
        List.of(Duration.ofMinutes(5), Duration.ofMinutes(5)), Duration.ofSeconds(1), Duration.ZERO));
  }

  @Test
  void negativeSettleIsRejectedNamingTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> new WindowConfig(MINUTE, Duration.ZERO, List.of(),
        Duration.ofSeconds(1), Duration.ofSeconds(-1)));
    assertEquals("streams.settle", e.problems().get(0).key());
  }
}
