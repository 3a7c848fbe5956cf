package io.nhslistener.streams.sentiment;

import java.util.Arrays;
import java.util.List;

/**
 * Fits {@link LinearModel} weights: weighted cross-entropy of the three-class softmax (neutral as the reference class)
 * plus L2 penalties, one for the dense rule features and a stronger one for the hashed words, minimised with L-BFGS.
 * The bias is not penalised. Deterministic.
 */
final class LogisticTrainer {
  private static final int MAX_ITERATIONS = 400;
  private static final double TOLERANCE = 1e-7;

  private final int hashBits;
  private final double denseL2;
  private final double hashedL2;

  LogisticTrainer(int hashBits, double denseL2, double hashedL2) {
    this.hashBits = hashBits;
    this.denseL2 = denseL2;
    this.hashedL2 = hashedL2;
  }

  LinearModel fit(List<TrainingExample> examples, LabelThresholds thresholds) {
    int dimension = FeatureEncoder.dimension(hashBits);
    double[] x = new double[2 * dimension];
    new Lbfgs(MAX_ITERATIONS, TOLERANCE).minimise((w, gradient) -> objective(examples, dimension, w, gradient), x);
    float[] negative = new float[dimension];
    float[] positive = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      negative[i] = (float) x[i];
      positive[i] = (float) x[dimension + i];
    }
    return new LinearModel(hashBits, thresholds, negative, positive);
  }

  private double objective(List<TrainingExample> examples, int dimension, double[] w, double[] gradient) {
    Arrays.fill(gradient, 0);
    double loss = 0;
    double totalWeight = 0;
    for (TrainingExample e : examples) {
      Features f = e.features();
      double zNegative = 0;
      double zPositive = 0;
      for (int i = 0; i < f.size(); i++) {
        zNegative += w[f.index(i)] * f.value(i);
        zPositive += w[dimension + f.index(i)] * f.value(i);
      }
      double max = Math.max(0, Math.max(zNegative, zPositive));
      double eNeutral = Math.exp(-max);
      double eNegative = Math.exp(zNegative - max);
      double ePositive = Math.exp(zPositive - max);
      double sum = eNeutral + eNegative + ePositive;
      double logSum = max + Math.log(sum);
      // Cross-entropy against the target distribution; the neutral logit is fixed at 0 so its term vanishes.
      loss += e.weight() * (logSum - e.targetNegative() * zNegative - e.targetPositive() * zPositive);
      double gNegative = e.weight() * (eNegative / sum - e.targetNegative());
      double gPositive = e.weight() * (ePositive / sum - e.targetPositive());
      for (int i = 0; i < f.size(); i++) {
        gradient[f.index(i)] += gNegative * f.value(i);
        gradient[dimension + f.index(i)] += gPositive * f.value(i);
      }
      totalWeight += e.weight();
    }
    loss /= totalWeight;
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] /= totalWeight;
    }
    for (int c = 0; c < 2; c++) {
      for (int i = 1; i < dimension; i++) {
        double l2 = i < FeatureEncoder.DENSE.size() ? denseL2 : hashedL2;
        double wi = w[c * dimension + i];
        loss += 0.5 * l2 * wi * wi;
        gradient[c * dimension + i] += l2 * wi;
      }
    }
    return loss;
  }
}
