package io.nhslistener.streams.sentiment;

/**
 * One text prepared for training: its features, its target distribution over (negative, neutral, positive) and its
 * weight in the loss. Soft targets carry graded ratings; hard labels are one-hot.
 */
record TrainingExample(Features features, double targetNegative, double targetPositive, double weight) {
  TrainingExample {
    if (targetNegative < 0 || targetPositive < 0 || targetNegative + targetPositive > 1 + 1e-9 || !(weight > 0)) {
      throw new IllegalArgumentException("targets must form a distribution and the weight be positive");
    }
  }
}
