package io.nhslistener.streams.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.streams.sentiment.eval.DevelopmentSets.DevelopmentSet;
import io.nhslistener.streams.sentiment.eval.LabelledText;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer end to end on small made-up sets: it must write a loadable model, and the same one every time. */
class SentimentTrainerTest {
  private static final Lexicon LEXICON = Lexicon.standard();

  @TempDir
  Path dir;

  @Test
  void writesALoadableModelDeterministically() throws Exception {
    List<DevelopmentSet> sets = List.of(labelled("tweets", "match day", "love this team", "worst referee ever"),
        labelled("feedback", "the clinic opens at nine", "lovely caring nurses", "rude receptionist, long wait"),
        rated());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    SentimentTrainer trainer = new SentimentTrainer(LEXICON, new PrintStream(log, true, StandardCharsets.UTF_8));
    Path first = dir.resolve("first.tsv");
    Path second = dir.resolve("second.tsv");
    trainer.train(sets, first);
    trainer.train(sets, second);

    assertEquals(Files.readString(first), Files.readString(second));
    LinearModel model;
    try (InputStream in = Files.newInputStream(first)) {
      model = LinearModel.read(in, first.toString());
    }
    SentimentScorer scorer = new SentimentScorer(LEXICON, model);
    assertTrue(scorer.score("love this team").compound() > scorer.score("worst referee ever").compound());
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("cross-validated score"));
  }

  /** Ten variants of one neutral, one positive and one negative text. */
  private static DevelopmentSet labelled(String name, String neutral, String positive, String negative) {
    List<LabelledText> texts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      texts.add(LabelledText.labelled(neutral + " " + i, SentimentLabel.NEUTRAL));
      texts.add(LabelledText.labelled(positive + " " + i, SentimentLabel.POSITIVE));
      texts.add(LabelledText.labelled(negative + " " + i, SentimentLabel.NEGATIVE));
    }
    return new DevelopmentSet(name, texts, 0);
  }

  private static DevelopmentSet rated() {
    List<LabelledText> texts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      texts.add(LabelledText.rated("great fun " + i, 2.5));
      texts.add(LabelledText.rated("awful day " + i, -2.5));
      texts.add(LabelledText.rated("okay I guess " + i, 0.3));
    }
    return new DevelopmentSet("rated", texts, 0);
  }
}
