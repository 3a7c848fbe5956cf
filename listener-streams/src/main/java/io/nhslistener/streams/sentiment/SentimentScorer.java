package io.nhslistener.streams.sentiment;

import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Scores the sentiment of short social-media posts and patient feedback.
 *
 * <p>Two layers. VADER's rules (negation, boosters and dampeners, contrastive "but", ALL-CAPS, exclamation marks,
 * emoji and emoticons, idioms) run over the VADER lexicon extended with an NHS and UK health overlay ("waiting list",
 * "corridor care", "couldn't fault"). A small logistic regression trained on labelled tweets and NHS feedback then
 * weighs the rule outputs together with hashed words and word pairs; its P(positive) - P(negative) is the compound
 * score, and label thresholds chosen by cross-validation turn it into a label. See {@code docs/sentiment.md}.
 *
 * <p>Limits: English only; sarcasm, irony and sentiment aimed at a third party are not understood; only the first
 * {@value Tokenizer#MAX_CHARS} characters are read; the learned layer reflects its training data (tweets and NHS
 * Friends and Family Test comments), so in NHS feedback mild praise may read as neutral.
 *
 * <p>Thread-safe and immutable: share one instance. Each thread keeps its own scratch buffers.
 */
public final class SentimentScorer {
  private static final String MODEL = "/sentiment/model.tsv";
  private static final Sentiment EMPTY = new Sentiment(0, SentimentLabel.NEUTRAL);

  private final FeaturePipeline pipeline;
  private final LinearModel model;
  private final ThreadLocal<ScoringBuffers> buffers = ThreadLocal.withInitial(ScoringBuffers::new);

  SentimentScorer(Lexicon lexicon, LinearModel model) {
    this.pipeline = new FeaturePipeline(lexicon, model.hashBits());
    this.model = model;
  }

  /**
   * The scorer with the lexicon, the overlay and the trained weights shipped on the classpath, loaded once.
   *
   * @throws IllegalStateException if a sentiment resource is missing or malformed (a packaging error)
   */
  public static SentimentScorer standard() {
    return Standard.INSTANCE;
  }

  /**
   * Scores one text. Never throws: null, empty or unreadable text scores neutral 0.
   *
   * @param text the post or comment, any length (only the start of very long text is read)
   * @return the compound score in [-1, 1] and its label
   */
  public Sentiment score(String text) {
    if (text == null || text.isEmpty()) {
      return EMPTY;
    }
    ScoringBuffers b = buffers.get();
    pipeline.run(text, b);
    double compound = model.compound(b.features);
    return new Sentiment(compound, model.thresholds().label(compound));
  }

  static LinearModel loadModel(String resource) {
    try (InputStream in = SentimentScorer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("sentiment model missing from the classpath: " + resource);
      }
      return LinearModel.read(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sentiment model " + resource, e);
    }
  }

  /** Holder idiom: resources load on first use, exactly once, without locking on later calls. */
  private static final class Standard {
    static final SentimentScorer INSTANCE = new SentimentScorer(Lexicon.standard(), loadModel(MODEL));
  }
}
