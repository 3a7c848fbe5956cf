package io.nhslistener.app.cli;

import io.nhslistener.core.text.MentionFields;
import io.nhslistener.core.text.SocialTextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Marks the words of a text that a match's terms name: {@code Delays at [[Leeds]] [[A&E]]}. */
final class Highlighter {
  private Highlighter() {}

  /**
   * {@code text} with every word whose analysed form is one of the words of {@code terms} wrapped in {@code [[ ]]}
   * (a phrase term marks each of its words). Line breaks become spaces so that a match stays on one line.
   */
  static String highlight(SocialTextAnalyzer analyzer, String text, List<String> terms) {
    Set<String> words = new HashSet<>();
    terms.forEach(term -> words.addAll(List.of(term.split(" "))));
    StringBuilder out = new StringBuilder(text.length() + 16);
    int copied = 0;
    try (TokenStream stream = analyzer.tokenStream(MentionFields.TEXT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (words.contains(term.toString()) && offsets.startOffset() >= copied) {
          out.append(text, copied, offsets.startOffset()).append("[[")
              .append(text, offsets.startOffset(), offsets.endOffset()).append("]]");
          copied = offsets.endOffset();
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    out.append(text, copied, text.length());
    return out.toString().replace('\n', ' ').replace('\r', ' ');
  }
}
