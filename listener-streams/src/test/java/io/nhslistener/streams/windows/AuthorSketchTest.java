package io.nhslistener.streams.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthorSketchTest {
  private static AuthorSketch of(int from, int to) {
    AuthorSketch sketch = new AuthorSketch();
    for (int i = from; i < to; i++) {
      sketch.add("author-" + i);
    }
    return sketch;
  }

  @Test
  void countsExactlyUpToTheLimitIgnoringRepeatsAndMissingAuthors() {
    AuthorSketch sketch = of(0, AuthorSketch.EXACT_LIMIT);
    sketch.add("author-7");
    sketch.add(null);
    assertTrue(sketch.isExact());
    assertEquals(AuthorSketch.EXACT_LIMIT, sketch.count());
  }

  @Test
  void switchesToRegistersBeyondTheLimitAndStaysClose() {
    AuthorSketch sketch = of(0, AuthorSketch.EXACT_LIMIT + 1);
    assertFalse(sketch.isExact());
    assertEquals(AuthorSketch.EXACT_LIMIT + 1, sketch.count(), 5);
  }

  @Test
  void estimatesLargeWindowsWithinThreeStandardErrors() {
    for (int n : new int[] {1_000, 10_000, 200_000}) {
      long estimate = of(0, n).count();
      // HyperLogLog with 1024 registers: standard error 1.04 / sqrt(1024) = 3.25%.
      assertEquals(n, estimate, n * 3 * 0.0325, "n = " + n);
    }
  }

  @Test
  void mergeCountsAuthorsInBothOnce() {
    AuthorSketch small = of(0, 50);
    small.merge(of(25, 75));
    assertTrue(small.isExact());
    assertEquals(75, small.count());

    AuthorSketch large = of(0, 5_000);
    large.merge(of(2_500, 7_500));
    assertEquals(7_500, large.count(), 7_500 * 3 * 0.0325);

    AuthorSketch exactIntoSketch = of(0, 100);
    exactIntoSketch.merge(of(50, 3_000));
    assertEquals(3_000, exactIntoSketch.count(), 3_000 * 3 * 0.0325);
  }
}
