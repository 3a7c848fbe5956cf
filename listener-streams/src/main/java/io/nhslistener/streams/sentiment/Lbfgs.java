package io.nhslistener.streams.sentiment;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search, for the smooth convex objective of
 * {@link LogisticTrainer}. Deterministic: the same objective and start give the same weights on every machine.
 */
final class Lbfgs {
  /** An objective: writes the gradient at {@code x} into {@code gradient} and returns the value. */
  @FunctionalInterface
  interface Objective {
    double evaluate(double[] x, double[] gradient);
  }

  private static final int MEMORY = 10;

  private final int maxIterations;
  private final double tolerance;

  Lbfgs(int maxIterations, double tolerance) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  /** Minimises from {@code x} in place; stops when the relative decrease of the value falls below the tolerance. */
  void minimise(Objective objective, double[] x) {
    int n = x.length;
    double[][] s = new double[MEMORY][n];
    double[][] y = new double[MEMORY][n];
    double[] rho = new double[MEMORY];
    double[] alpha = new double[MEMORY];
    double[] gradient = new double[n];
    double[] nextGradient = new double[n];
    double[] direction = new double[n];
    double[] next = new double[n];
    double value = objective.evaluate(x, gradient);
    int stored = 0;
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      twoLoop(gradient, s, y, rho, alpha, stored, direction);
      double slope = dot(direction, gradient);
      if (slope >= 0) {
        // Not a descent direction (curvature information went stale): restart from steepest descent.
        stored = 0;
        for (int i = 0; i < n; i++) {
          direction[i] = -gradient[i];
        }
        slope = dot(direction, gradient);
      }
      double step = iteration == 0 ? 1 / Math.max(1e-12, Math.sqrt(-slope)) : 1;
      double nextValue;
      while (true) {
        for (int i = 0; i < n; i++) {
          next[i] = x[i] + step * direction[i];
        }
        nextValue = objective.evaluate(next, nextGradient);
        if (nextValue <= value + 1e-4 * step * slope || step < 1e-10) {
          break;
        }
        step *= 0.5;
      }
      double ys = 0;
      for (int i = 0; i < n; i++) {
        ys += (next[i] - x[i]) * (nextGradient[i] - gradient[i]);
      }
      if (ys > 1e-12) {
        // Only curvature pairs that keep the inverse-Hessian estimate positive definite are remembered.
        int slot = stored % MEMORY;
        for (int i = 0; i < n; i++) {
          s[slot][i] = next[i] - x[i];
          y[slot][i] = nextGradient[i] - gradient[i];
        }
        rho[slot] = 1 / ys;
        stored++;
      }
      boolean converged = (value - nextValue) <= tolerance * Math.max(1, Math.abs(value));
      System.arraycopy(next, 0, x, 0, n);
      System.arraycopy(nextGradient, 0, gradient, 0, n);
      value = nextValue;
      if (converged) {
        return;
      }
    }
  }

  /** Nocedal and Wright, algorithm 7.4: direction = -H * gradient from the last {@value #MEMORY} updates. */
  private static void twoLoop(double[] gradient, double[][] s, double[][] y, double[] rho, double[] alpha,
      int stored, double[] direction) {
    int n = gradient.length;
    for (int i = 0; i < n; i++) {
      direction[i] = -gradient[i];
    }
    int count = Math.min(stored, MEMORY);
    for (int k = 0; k < count; k++) {
      int slot = (stored - 1 - k) % MEMORY;
      alpha[slot] = rho[slot] * dot(s[slot], direction);
      axpy(-alpha[slot], y[slot], direction);
    }
    if (count > 0) {
      int last = (stored - 1) % MEMORY;
      double scale = 1 / (rho[last] * dot(y[last], y[last]));
      for (int i = 0; i < n; i++) {
        direction[i] *= scale;
      }
    }
    for (int k = count - 1; k >= 0; k--) {
      int slot = (stored - 1 - k) % MEMORY;
      double beta = rho[slot] * dot(y[slot], direction);
      axpy(alpha[slot] - beta, s[slot], direction);
    }
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }
}
