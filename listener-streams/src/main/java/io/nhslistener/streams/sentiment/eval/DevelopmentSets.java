package io.nhslistener.streams.sentiment.eval;

import io.nhslistener.core.model.SentimentLabel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the shared sentiment development sets (see their README) in their original formats, for training and for
 * writing evaluation TSV files. The data stays outside the repository: nothing here copies it in.
 */
public final class DevelopmentSets {
  /** Overrides where the development sets are looked for. */
  public static final String DIRECTORY_PROPERTY = "sentiment.dev.dir";
  public static final String TWEETEVAL = "tweeteval-validation";
  public static final String NHS_FEEDBACK = "nhs-feedback-dev";
  public static final String VADER_TWEETS = "vader-tweets";

  private static final List<Path> CANDIDATES =
      List.of(Path.of("../shared/eval/sentiment"), Path.of("../../shared/eval/sentiment"));

  private DevelopmentSets() {}

  /**
   * One development set.
   *
   * @param name the set's folder name
   * @param texts its gold texts, in file order
   * @param skipped rows skipped for an unusable label (the NHS set has a few junk labels)
   */
  public record DevelopmentSet(String name, List<LabelledText> texts, int skipped) {
    public DevelopmentSet {
      texts = List.copyOf(texts);
    }
  }

  /** The development-set folder: the {@value #DIRECTORY_PROPERTY} system property, else ../shared/eval/sentiment. */
  public static Optional<Path> locate() {
    String configured = System.getProperty(DIRECTORY_PROPERTY);
    if (configured != null) {
      return Optional.of(Path.of(configured)).filter(Files::isDirectory);
    }
    return CANDIDATES.stream().filter(p -> Files.isDirectory(p.resolve(TWEETEVAL))).findFirst();
  }

  public static List<DevelopmentSet> all(Path root) throws IOException {
    return List.of(tweetEval(root), nhsFeedback(root), vaderTweets(root));
  }

  /** TweetEval: text.txt line i is labelled by labels.txt line i, 0 negative, 1 neutral, 2 positive. */
  public static DevelopmentSet tweetEval(Path root) throws IOException {
    Path dir = root.resolve(TWEETEVAL);
    List<String> texts = Files.readAllLines(dir.resolve("text.txt"), StandardCharsets.UTF_8);
    List<String> labels = Files.readAllLines(dir.resolve("labels.txt"), StandardCharsets.UTF_8);
    List<LabelledText> out = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i < Math.min(texts.size(), labels.size()); i++) {
      switch (labels.get(i).strip()) {
        case "0" -> out.add(LabelledText.labelled(texts.get(i), SentimentLabel.NEGATIVE));
        case "1" -> out.add(LabelledText.labelled(texts.get(i), SentimentLabel.NEUTRAL));
        case "2" -> out.add(LabelledText.labelled(texts.get(i), SentimentLabel.POSITIVE));
        default -> skipped++;
      }
    }
    return new DevelopmentSet(TWEETEVAL, out, skipped + Math.abs(texts.size() - labels.size()));
  }

  /** NHS feedback: criticality -5..5 by its sign; rows whose criticality is not an integer in range are skipped. */
  public static DevelopmentSet nhsFeedback(Path root) throws IOException {
    List<List<String>> rows = CsvRows.parse(Files.readString(root.resolve(NHS_FEEDBACK).resolve("text_data.csv")));
    List<String> header = rows.get(0);
    int feedback = header.indexOf("feedback");
    int criticality = header.indexOf("criticality");
    if (feedback < 0 || criticality < 0) {
      throw new IOException("text_data.csv lacks a feedback or criticality column: " + header);
    }
    List<LabelledText> out = new ArrayList<>();
    int skipped = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      Integer value = row.size() > Math.max(feedback, criticality) ? criticality(row.get(criticality)) : null;
      if (value == null || row.get(feedback).isBlank()) {
        skipped++;
      } else {
        SentimentLabel gold = value > 0 ? SentimentLabel.POSITIVE
            : value < 0 ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        out.add(LabelledText.labelled(row.get(feedback), gold));
      }
    }
    return new DevelopmentSet(NHS_FEEDBACK, out, skipped);
  }

  /** VADER tweets: id, mean rating (-4..4), text, tab-separated. */
  public static DevelopmentSet vaderTweets(Path root) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    int skipped = 0;
    for (String line : Files.readAllLines(root.resolve(VADER_TWEETS).resolve("tweets_GroundTruth.txt"),
        StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t", 3);
      if (fields.length < 3) {
        skipped++;
        continue;
      }
      try {
        out.add(LabelledText.rated(fields[2], Double.parseDouble(fields[1])));
      } catch (NumberFormatException e) {
        skipped++;
      }
    }
    return new DevelopmentSet(VADER_TWEETS, out, skipped);
  }

  /** Writes the set as evaluation TSV to {@code dir/<name>.tsv} and returns that path. */
  public static Path writeTsv(DevelopmentSet set, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(set.name() + ".tsv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      EvaluationInput.write(set.texts(), out);
    }
    return file;
  }

  private static Integer criticality(String field) {
    try {
      int value = Integer.parseInt(field.strip());
      return value >= -5 && value <= 5 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
