package io.nhslistener.streams.sentiment.eval;

import io.nhslistener.core.model.SentimentLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation's TSV format, read and written: {@code label<TAB>text} with label negative, neutral or positive, or
 * {@code score<TAB>text} with a number. Blank lines are ignored; any other line that does not parse is counted as bad
 * (with its first few line numbers kept for the report), never fatal.
 *
 * @param texts the lines that parsed, in file order
 * @param badLines how many lines did not parse
 * @param badLineNumbers the first {@value #KEPT_BAD_LINE_NUMBERS} bad line numbers (1-based)
 */
public record EvaluationInput(List<LabelledText> texts, int badLines, List<Integer> badLineNumbers) {
  static final int KEPT_BAD_LINE_NUMBERS = 10;

  public EvaluationInput {
    texts = List.copyOf(texts);
    badLineNumbers = List.copyOf(badLineNumbers);
  }

  /** @throws IOException if the file cannot be read (malformed lines are counted, not thrown) */
  public static EvaluationInput read(Path tsv) throws IOException {
    List<LabelledText> texts = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    int badLines = 0;
    try (BufferedReader reader = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        LabelledText parsed = parse(line);
        if (parsed != null) {
          texts.add(parsed);
        } else {
          badLines++;
          if (bad.size() < KEPT_BAD_LINE_NUMBERS) {
            bad.add(lineNumber);
          }
        }
      }
    }
    return new EvaluationInput(texts, badLines, bad);
  }

  /** Parses one line, or returns null when it is not {@code label<TAB>text} or {@code score<TAB>text}. */
  static LabelledText parse(String line) {
    int tab = line.indexOf('\t');
    if (tab <= 0 || tab == line.length() - 1) {
      return null;
    }
    String head = line.substring(0, tab).strip().toLowerCase(Locale.ROOT);
    String text = line.substring(tab + 1);
    switch (head) {
      case "negative":
        return LabelledText.labelled(text, SentimentLabel.NEGATIVE);
      case "neutral":
        return LabelledText.labelled(text, SentimentLabel.NEUTRAL);
      case "positive":
        return LabelledText.labelled(text, SentimentLabel.POSITIVE);
      default:
        return rated(head, text);
    }
  }

  private static LabelledText rated(String number, String text) {
    try {
      double rating = Double.parseDouble(number);
      return Double.isFinite(rating) ? LabelledText.rated(text, rating) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Writes texts in this format: ratings where a text has one, labels otherwise; tabs and line breaks become spaces. */
  public static void write(List<LabelledText> texts, Writer out) throws IOException {
    for (LabelledText t : texts) {
      String head = t.hasRating() ? Double.toString(t.rating()) : t.gold().name().toLowerCase(Locale.ROOT);
      out.write(head);
      out.write('\t');
      out.write(oneLine(t.text()));
      out.write('\n');
    }
  }

  private static String oneLine(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
    }
    return b.toString();
  }
}
