package io.nhslistener.streams.sentiment;

/** Everything one scoring call writes, reused by the next call on the same thread. */
final class ScoringBuffers {
  final Tokens tokens = new Tokens();
  final Units units = new Units();
  final RuleScore rules = new RuleScore();
  final Features features = new Features();
}
