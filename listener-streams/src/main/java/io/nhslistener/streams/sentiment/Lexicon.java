package io.nhslistener.streams.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Valences, boosters, negators and care-context words by term hash: the VADER lexicon (7,500 words and emoticons
 * rated -4..4), VADER's idioms and modifiers, the project's emoji ratings and the NHS domain overlay, which wins over
 * VADER where both rate a term. Phrases ("couldn't fault", "kind of") are keyed by {@link TermHash#then} over their tokens, with every proper
 * prefix flagged so a scan can stop as soon as no phrase can continue. Immutable once built.
 */
final class Lexicon {
  static final int MAX_PHRASE_TOKENS = 6;

  private static final String VADER = "/vader_sentiment_lexicon.txt";
  private static final String IDIOMS = "/sentiment/idioms.tsv";
  private static final String BOOSTERS = "/sentiment/boosters.tsv";
  private static final String NEGATORS = "/sentiment/negators.txt";
  private static final String EMOJI = "/sentiment/emoji.tsv";
  private static final String OVERLAY = "/sentiment/nhs-overlay.tsv";
  private static final String CARE_CONTEXT = "/sentiment/care-context.txt";

  private final TermTable table;

  private Lexicon(TermTable table) {
    this.table = table;
  }

  /**
   * Loads every lexicon resource from the classpath.
   *
   * @throws IllegalStateException if a resource is missing or a line cannot be read
   */
  static Lexicon standard() {
    Builder builder = new Builder();
    builder.vader(VADER);
    builder.valences(IDIOMS, 0);
    builder.boosters(BOOSTERS);
    builder.flags(NEGATORS, TermTable.NEGATOR);
    builder.emoji(EMOJI);
    builder.valences(OVERLAY, TermTable.OVERLAY);
    builder.flags(CARE_CONTEXT, TermTable.CARE_CONTEXT);
    return new Lexicon(builder.table);
  }

  TermTable table() {
    return table;
  }

  boolean isEmoticon(long chunkHash) {
    return table.has(chunkHash, TermTable.EMOTICON);
  }

  /** Reads the resource files; each line is split on tabs, '#' starts a comment line. */
  private static final class Builder {
    private final TermTable table = new TermTable();
    private final Tokenizer tokenizer = Tokenizer.wordsOnly();
    private final Tokens tokens = new Tokens();

    void vader(String resource) {
      // VADER's format: term, mean rating, standard deviation, the ten raw ratings.
      read(resource, fields -> {
        float valence = Float.parseFloat(fields[1]);
        if (isEmoticon(fields[0])) {
          table.putValenceIfAbsent(TermHash.of(fields[0].toLowerCase(Locale.ROOT)), valence, TermTable.EMOTICON);
        } else {
          table.putValenceIfAbsent(phraseHash(fields[0]), valence, 0);
        }
      });
    }

    void valences(String resource, int flags) {
      read(resource, fields -> table.putValence(phraseHash(fields[0]), Float.parseFloat(fields[1]), flags));
    }

    void boosters(String resource) {
      read(resource, fields -> table.putBooster(phraseHash(fields[0]), Float.parseFloat(fields[1])));
    }

    void flags(String resource, int flags) {
      read(resource, fields -> table.addFlags(phraseHash(fields[0]), flags));
    }

    void emoji(String resource) {
      read(resource, fields -> table.putValence(
          Tokenizer.codePointHash(fields[0].codePointAt(0)), Float.parseFloat(fields[1]), TermTable.EMOJI));
    }

    /** Hash of the phrase's tokens, flagging each proper prefix. */
    private long phraseHash(String phrase) {
      tokenizer.tokenize(phrase, tokens);
      if (tokens.size() == 0 || tokens.size() > MAX_PHRASE_TOKENS) {
        throw new IllegalStateException("lexicon phrase must have 1.." + MAX_PHRASE_TOKENS + " words: '" + phrase + "'");
      }
      long hash = tokens.hash(0);
      for (int i = 1; i < tokens.size(); i++) {
        table.addFlags(hash, TermTable.PREFIX);
        hash = TermHash.then(hash, tokens.hash(i));
      }
      return hash;
    }

    private static boolean isEmoticon(String term) {
      for (int i = 0; i < term.length(); i++) {
        char c = term.charAt(i);
        if (!Character.isLetterOrDigit(c) && c != '\'' && c != '-' && c != '&' && c != ' ') {
          return true;
        }
      }
      return false;
    }

    private void read(String resource, LineHandler handler) {
      InputStream in = Lexicon.class.getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalStateException("sentiment resource missing from the classpath: " + resource);
      }
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lineNumber++;
          String trimmed = line.strip();
          if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            continue;
          }
          try {
            handler.handle(trimmed.split("\t"));
          } catch (RuntimeException e) {
            throw new IllegalStateException(resource + " line " + lineNumber + ": cannot read '" + trimmed + "'", e);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
  }

  @FunctionalInterface
  private interface LineHandler {
    void handle(String[] fields);
  }
}
