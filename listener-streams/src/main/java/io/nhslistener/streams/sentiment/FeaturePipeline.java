package io.nhslistener.streams.sentiment;

/**
 * Text to features: tokenize, apply the VADER-style rules, encode. Shared by the scorer and the trainer so that both
 * see exactly the same features. Immutable and thread-safe; state lives in the caller's {@link ScoringBuffers}.
 */
final class FeaturePipeline {
  private final Tokenizer tokenizer;
  private final ValenceRules rules;
  private final FeatureEncoder encoder;

  FeaturePipeline(Lexicon lexicon, int hashBits) {
    this.tokenizer = new Tokenizer(lexicon::isEmoticon);
    this.rules = new ValenceRules(lexicon);
    this.encoder = new FeatureEncoder(lexicon, hashBits);
  }

  /** Fills {@code buffers.rules} and {@code buffers.features} for the text (null reads as empty). */
  void run(String text, ScoringBuffers buffers) {
    tokenizer.tokenize(text, buffers.tokens);
    rules.score(buffers.tokens, buffers.units, buffers.rules);
    encoder.encode(buffers.tokens, buffers.units, buffers.rules, buffers.features);
  }
}
