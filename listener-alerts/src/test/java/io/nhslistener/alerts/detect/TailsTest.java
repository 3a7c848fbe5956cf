package io.nhslistener.alerts.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tail probabilities against values worked out by hand or from standard tables. */
class TailsTest {

  @Test
  void poissonUpperTail() {
    // P(X >= 1 | mean 2) = 1 - e^-2 = 0.8646647167633873
    assertEquals(Math.log10(0.8646647167633873), Tails.log10CountUpper(1, 2, 0), 1e-12);
    // P(X >= 4 | mean 1) = 1 - e^-1 (1 + 1 + 1/2 + 1/6) = 0.018988156876153808
    assertEquals(Math.log10(0.018988156876153808), Tails.log10CountUpper(4, 1, 0), 1e-12);
    // P(X >= 15 | mean 1.5) is dominated by its first term 1.5^15 e^-1.5 / 15! = 7.4e-11 (the rest adds 9%)
    assertEquals(-10.09, Tails.log10CountUpper(15, 1.5, 0), 0.01);
  }

  @Test
  void negativeBinomialHasTheHeavierTail() {
    // dispersion 1 with mean 1 is geometric with p = 1/2: P(X >= 4) = (1/2)^4
    assertEquals(Math.log10(0.0625), Tails.log10CountUpper(4, 1, 1), 1e-12);
  }

  @Test
  void normalUpperTail() {
    assertEquals(Math.log10(0.5), Tails.log10NormalUpper(0), 1e-7);
    assertEquals(Math.log10(0.022750131948179), Tails.log10NormalUpper(2), 1e-6);
    assertEquals(Math.log10(0.977249868051821), Tails.log10NormalUpper(-2), 1e-7);
    assertEquals(Math.log10(2.866515718791939e-7), Tails.log10NormalUpper(5), 1e-6);
  }
}
