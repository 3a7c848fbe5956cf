package io.nhslistener.core.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzer shared by rule matching and everything else that reads mention text as terms.
 *
 * <p>{@link MentionFields#TEXT} goes through {@link SocialTokenizer} (words, {@code #hashtags}, {@code @handles}; links
 * skipped), then lower-casing, diacritic folding ({@code café} → {@code cafe}) and possessive stripping
 * ({@code Trust's} → {@code trust}). Every other field is a list of whitespace-separated keywords, lower-cased
 * ({@code lang}, {@code source}, {@code domain}). Wildcard and prefix terms are normalised the same way, minus the
 * possessive rule.
 *
 * <p>Thread-safe: Lucene keeps one token stream per thread and field.
 */
public final class SocialTextAnalyzer extends Analyzer {
  public SocialTextAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    if (MentionFields.TEXT.equals(fieldName)) {
      Tokenizer tokenizer = new SocialTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
      return new TokenStreamComponents(tokenizer, stream);
    }
    Tokenizer tokenizer = new WhitespaceTokenizer();
    return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  /**
   * The terms {@code text} analyses to in {@code field}, in order: what a rule must name to match it.
   *
   * @throws UncheckedIOException never in practice (analysis reads from a string)
   */
  public List<String> terms(String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    return terms;
  }
}
