package io.nhslistener.streams.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;

/**
 * A mention's document analysed once: the tokens of every string field that some rule reads (term, position
 * increment, offsets), kept so that the candidate gate can test them and the Monitor can index them without running
 * the analyser again. Analysis was the largest cost of matching a mention that names something watched, and it ran
 * once for the gate and once more for the Monitor's in-memory index. Tokens no rule reads ({@link RuleVocabulary}) are
 * left out as they are analysed, their position increments added to the next kept token's, so positions and offsets
 * are those of the whole text: a mention names a few watched terms among tens of words, and the gate, the Monitor's
 * in-memory index and the presearcher's queries over the rule index then handle a few terms instead.
 *
 * <p>Terms of all fields share one character buffer; token {@code t} of the document is
 * {@code chars[termStart[t] .. termStart[t] + termLength[t])}, and field {@code f} holds tokens
 * {@code fieldStart[f] .. fieldStart[f + 1]}. Not thread-safe; one per mention.
 */
final class AnalysedDocument {
  private final String[] fieldNames;
  private final int[] fieldStart;
  private final int[] finalOffset;
  private char[] chars = new char[256];
  private int[] termStart = new int[32];
  private int[] termLength = new int[32];
  private int[] positionIncrement = new int[32];
  private int[] startOffset = new int[32];
  private int[] endOffset = new int[32];
  private int tokens;
  private int used;

  private AnalysedDocument(int fields) {
    fieldNames = new String[fields];
    fieldStart = new int[fields + 1];
    finalOffset = new int[fields];
  }

  /**
   * Analyses every field of {@code doc} that has a string value, keeping the tokens {@code vocabulary} keeps.
   *
   * @throws UncheckedIOException never in practice: analysis reads from strings
   */
  static AnalysedDocument of(Document doc, Analyzer analyzer, RuleVocabulary vocabulary) {
    int fields = 0;
    for (IndexableField field : doc) {
      fields += field.stringValue() == null ? 0 : 1;
    }
    AnalysedDocument analysed = new AnalysedDocument(fields);
    int f = 0;
    for (IndexableField field : doc) {
      if (field.stringValue() != null) {
        analysed.fieldNames[f] = field.name();
        analysed.fieldStart[f] = analysed.tokens;
        analysed.finalOffset[f] = analysed.analyse(analyzer, field.name(), field.stringValue(),
            vocabulary.forField(field.name()));
        f++;
      }
    }
    analysed.fieldStart[fields] = analysed.tokens;
    return analysed;
  }

  int fields() {
    return fieldNames.length;
  }

  String fieldName(int field) {
    return fieldNames[field];
  }

  int firstToken(int field) {
    return fieldStart[field];
  }

  int endToken(int field) {
    return fieldStart[field + 1];
  }

  char[] chars() {
    return chars;
  }

  int termStart(int token) {
    return termStart[token];
  }

  int termLength(int token) {
    return termLength[token];
  }

  /**
   * Every term as a selector, {@code field + '\0' + term}, with the marked prefix {@link PrefixQueryHandler} adds to
   * the documents the presearcher sees.
   */
  Set<String> selectors() {
    Set<String> selectors = new HashSet<>();
    for (int f = 0; f < fields(); f++) {
      for (int t = fieldStart[f]; t < fieldStart[f + 1]; t++) {
        selectors.add(CandidateGate.selector(fieldNames[f], new String(chars, termStart[t], termLength[t])));
        if (termLength[t] >= PrefixQueryHandler.LENGTH) {
          selectors.add(CandidateGate.selector(fieldNames[f],
              PrefixQueryHandler.MARKER + new String(chars, termStart[t], PrefixQueryHandler.LENGTH)));
        }
      }
    }
    return selectors;
  }

  /** A document of the fields with kept tokens, whose token streams replay them, for the Monitor to index. */
  Document toDocument() {
    Document doc = new Document();
    for (int f = 0; f < fields(); f++) {
      if (fieldStart[f] < fieldStart[f + 1]) {
        doc.add(new TextField(fieldNames[f], new Replay(f)));
      }
    }
    return doc;
  }

  private int analyse(Analyzer analyzer, String name, String value, RuleVocabulary.FieldVocabulary kept) {
    try (TokenStream stream = analyzer.tokenStream(name, value)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      int skipped = 0;
      while (stream.incrementToken()) {
        if (kept.keeps(term.buffer(), 0, term.length())) {
          add(term, skipped + increment.getPositionIncrement(), offset.startOffset(), offset.endOffset());
          skipped = 0;
        } else {
          skipped += increment.getPositionIncrement();
        }
      }
      stream.end();
      return offset.endOffset();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
  }

  private void add(CharTermAttribute term, int increment, int start, int end) {
    if (tokens == termStart.length) {
      int grown = tokens * 2;
      termStart = Arrays.copyOf(termStart, grown);
      termLength = Arrays.copyOf(termLength, grown);
      positionIncrement = Arrays.copyOf(positionIncrement, grown);
      startOffset = Arrays.copyOf(startOffset, grown);
      endOffset = Arrays.copyOf(endOffset, grown);
    }
    if (used + term.length() > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + term.length()));
    }
    System.arraycopy(term.buffer(), 0, chars, used, term.length());
    termStart[tokens] = used;
    termLength[tokens] = term.length();
    positionIncrement[tokens] = increment;
    startOffset[tokens] = start;
    endOffset[tokens] = end;
    used += term.length();
    tokens++;
  }

  /** One field's tokens, replayed with the attributes an index reads: term, position increment and offsets. */
  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final int field;
    private int next;

    Replay(int field) {
      this.field = field;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = fieldStart[field];
    }

    @Override
    public boolean incrementToken() {
      if (next >= fieldStart[field + 1]) {
        return false;
      }
      clearAttributes();
      term.copyBuffer(chars, termStart[next], termLength[next]);
      increment.setPositionIncrement(positionIncrement[next]);
      offset.setOffset(startOffset[next], endOffset[next]);
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(finalOffset[field], finalOffset[field]);
    }
  }
}
