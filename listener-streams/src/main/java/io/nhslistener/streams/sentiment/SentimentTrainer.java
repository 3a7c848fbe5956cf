package io.nhslistener.streams.sentiment;

import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.streams.sentiment.eval.ConfusionMatrix;
import io.nhslistener.streams.sentiment.eval.DevelopmentSets;
import io.nhslistener.streams.sentiment.eval.DevelopmentSets.DevelopmentSet;
import io.nhslistener.streams.sentiment.eval.LabelledText;
import io.nhslistener.streams.sentiment.eval.Pearson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains the learned layer from the development sets and writes {@code sentiment/model.tsv}.
 *
 * <p>Every candidate setting in {@link #GRID} is scored by {@value #FOLDS}-fold cross-validation (folds drawn per set
 * with a fixed seed): the mean of TweetEval macro recall, NHS feedback macro recall and Pearson r on the VADER tweets,
 * all on held-out folds, with each fold's label thresholds chosen on the other folds only. The most regularised
 * setting within {@value #TIE} of the best score is refit on all the data, with thresholds chosen on all out-of-fold
 * scores. Each set weighs the same in the loss; within a
 * labelled set, classes weigh the same (macro recall rewards every class alike). VADER ratings become soft targets.
 *
 * <p>Run from the repository root after building: {@code java -cp
 * listener-streams/target/classes:listener-core/target/classes io.nhslistener.streams.sentiment.SentimentTrainer
 * [DEV_DIR [MODEL_FILE]]}. Deterministic: the same data give the same file.
 */
public final class SentimentTrainer {
  static final int FOLDS = 5;
  private static final long SEED = 20261121L;
  /** A VADER rating of +-2 (of 4) or beyond is a certain positive or negative; milder ratings share with neutral. */
  private static final double RATING_SCALE = 2;
  private static final Path DEFAULT_OUTPUT = Path.of("listener-streams/src/main/resources/sentiment/model.tsv");

  /** One candidate setting of the learned layer. */
  record Config(int hashBits, double denseL2, double hashedL2) {}

  /** Candidate settings, most strongly regularised first. */
  static final List<Config> GRID = List.of(
      new Config(14, 1e-4, 3e-4), new Config(14, 1e-4, 1e-4), new Config(14, 1e-4, 3e-5));
  /** Cross-validated scores closer than this count as a tie, which the more regularised setting wins. */
  private static final double TIE = 0.005;

  private final Lexicon lexicon;
  private final PrintStream log;

  SentimentTrainer(Lexicon lexicon, PrintStream log) {
    this.lexicon = lexicon;
    this.log = log;
  }

  /** Arguments: the development-set folder (default ../shared/eval/sentiment) and the model file to write. */
  public static void main(String[] args) throws IOException {
    Path dev = args.length > 0 ? Path.of(args[0])
        : DevelopmentSets.locate().orElseThrow(() -> new IOException("no development sets: pass their folder"));
    Path output = args.length > 1 ? Path.of(args[1]) : DEFAULT_OUTPUT;
    new SentimentTrainer(Lexicon.standard(), System.out).train(DevelopmentSets.all(dev), output);
  }

  LinearModel train(List<DevelopmentSet> sets, Path output) throws IOException {
    List<CrossValidation> results = new ArrayList<>();
    for (Config config : GRID) {
      CrossValidation cv = crossValidate(sets, config);
      cv.print(log);
      results.add(cv);
    }
    double top = results.stream().mapToDouble(CrossValidation::score).max().orElseThrow();
    // Unseen sets differ from these, so among settings that tie on held-out folds the most regularised one wins.
    CrossValidation best = results.stream().filter(cv -> cv.score() >= top - TIE).findFirst().orElseThrow();
    List<PreparedSet> prepared = prepare(sets, best.config().hashBits());
    LinearModel model = fitter(best.config()).fit(allExamples(prepared, -1), best.thresholds());
    log.printf(Locale.ROOT, "chosen: %s, thresholds %s%n", best.config(), best.thresholds());
    Files.createDirectories(output.toAbsolutePath().getParent());
    try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      model.write(out, "nhs-listener sentiment model, written by SentimentTrainer (do not edit): " + best.config()
          + ", cross-validated score " + String.format(Locale.ROOT, "%.4f", best.score()));
    }
    log.println("wrote " + output);
    return model;
  }

  CrossValidation crossValidate(List<DevelopmentSet> developmentSets, Config config) {
    List<PreparedSet> sets = prepare(developmentSets, config.hashBits());
    List<double[]> outOfFold = new ArrayList<>();
    for (PreparedSet set : sets) {
      outOfFold.add(new double[set.size()]);
    }
    for (int fold = 0; fold < FOLDS; fold++) {
      LinearModel model = fitter(config).fit(allExamples(sets, fold), new LabelThresholds(0, 0));
      for (int s = 0; s < sets.size(); s++) {
        PreparedSet set = sets.get(s);
        for (int i = 0; i < set.size(); i++) {
          if (set.folds[i] == fold) {
            outOfFold.get(s)[i] = model.compound(set.examples.get(i).features());
          }
        }
      }
    }
    return new CrossValidation(config, sets, outOfFold);
  }

  private LogisticTrainer fitter(Config config) {
    return new LogisticTrainer(config.hashBits(), config.denseL2(), config.hashedL2());
  }

  /** Training examples of every set, leaving out one fold (or none when {@code heldOut} is negative). */
  private static List<TrainingExample> allExamples(List<PreparedSet> sets, int heldOut) {
    List<TrainingExample> all = new ArrayList<>();
    for (PreparedSet set : sets) {
      for (int i = 0; i < set.size(); i++) {
        if (set.folds[i] != heldOut) {
          all.add(set.examples.get(i));
        }
      }
    }
    return all;
  }

  private List<PreparedSet> prepare(List<DevelopmentSet> sets, int hashBits) {
    FeaturePipeline pipeline = new FeaturePipeline(lexicon, hashBits);
    ScoringBuffers buffers = new ScoringBuffers();
    List<PreparedSet> prepared = new ArrayList<>();
    for (DevelopmentSet set : sets) {
      prepared.add(new PreparedSet(set, pipeline, buffers));
    }
    return prepared;
  }

  /** A development set as features, targets, weights and fold numbers. */
  private static final class PreparedSet {
    final String name;
    final boolean rated;
    final List<TrainingExample> examples = new ArrayList<>();
    final SentimentLabel[] gold;
    final double[] ratings;
    final int[] folds;

    PreparedSet(DevelopmentSet set, FeaturePipeline pipeline, ScoringBuffers buffers) {
      List<LabelledText> texts = set.texts();
      int n = texts.size();
      name = set.name();
      rated = texts.stream().allMatch(LabelledText::hasRating);
      gold = new SentimentLabel[n];
      ratings = new double[n];
      int[] classCounts = new int[SentimentLabel.values().length];
      for (int i = 0; i < n; i++) {
        gold[i] = texts.get(i).gold();
        ratings[i] = texts.get(i).rating();
        classCounts[gold[i].ordinal()]++;
      }
      for (int i = 0; i < n; i++) {
        pipeline.run(texts.get(i).text(), buffers);
        examples.add(rated ? ratedExample(buffers.features.copy(), ratings[i], n)
            : labelledExample(buffers.features.copy(), gold[i], classCounts));
      }
      folds = folds(n);
    }

    int size() {
      return gold.length;
    }

    /** Each set sums to weight 1; classes within it share that equally. */
    private static TrainingExample labelledExample(Features f, SentimentLabel gold, int[] classCounts) {
      int present = 0;
      for (int count : classCounts) {
        present += count > 0 ? 1 : 0;
      }
      double weight = 1.0 / (present * classCounts[gold.ordinal()]);
      return new TrainingExample(f, gold == SentimentLabel.NEGATIVE ? 1 : 0, gold == SentimentLabel.POSITIVE ? 1 : 0,
          weight);
    }

    private static TrainingExample ratedExample(Features f, double rating, int n) {
      double t = Math.max(-1, Math.min(1, rating / RATING_SCALE));
      return new TrainingExample(f, Math.max(0, -t), Math.max(0, t), 1.0 / n);
    }

    /** Fold of each item: a seeded shuffle dealt round-robin, so folds are equal-sized and reproducible. */
    private static int[] folds(int n) {
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Random random = new Random(SEED);
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      int[] folds = new int[n];
      for (int k = 0; k < n; k++) {
        folds[order[k]] = k % FOLDS;
      }
      return folds;
    }
  }

  /** Out-of-fold figures of one setting. */
  static final class CrossValidation {
    private final Config config;
    private final List<String> lines = new ArrayList<>();
    private final LabelThresholds thresholds;
    private double score;

    CrossValidation(Config config, List<PreparedSet> sets, List<double[]> outOfFold) {
      this.config = config;
      this.thresholds = ThresholdSearch.best(labelledSets(sets, outOfFold, -1));
      List<ConfusionMatrix> nested = nestedConfusions(sets, outOfFold);
      double sum = 0;
      for (int s = 0; s < sets.size(); s++) {
        PreparedSet set = sets.get(s);
        ConfusionMatrix m = nested.get(s);
        String line = String.format(Locale.ROOT, "  %-22s macro_recall %.4f  macro_f1 %.4f  accuracy %.4f  %s",
            set.name, m.macroRecall(), m.macroF1(), m.accuracy(), rows(m));
        if (set.rated) {
          Pearson pearson = new Pearson();
          for (int i = 0; i < set.size(); i++) {
            pearson.add(outOfFold.get(s)[i], set.ratings[i]);
          }
          line += String.format(Locale.ROOT, "  pearson_r %.4f", pearson.r());
          sum += pearson.r();
        } else {
          sum += m.macroRecall();
        }
        lines.add(line);
      }
      score = sum / sets.size();
    }

    /** The confusion matrix as gold rows (negative, neutral, positive) of predicted counts. */
    private static String rows(ConfusionMatrix m) {
      StringBuilder b = new StringBuilder("confusion");
      for (SentimentLabel gold : SentimentLabel.values()) {
        b.append(gold == SentimentLabel.NEGATIVE ? " [" : " | ");
        for (SentimentLabel predicted : SentimentLabel.values()) {
          b.append(predicted == SentimentLabel.NEGATIVE ? "" : " ").append(m.count(gold, predicted));
        }
      }
      return b.append(']').toString();
    }

    /** Confusion per set where each fold is labelled with thresholds chosen on the other folds. */
    private static List<ConfusionMatrix> nestedConfusions(List<PreparedSet> sets, List<double[]> outOfFold) {
      List<ConfusionMatrix> confusions = new ArrayList<>();
      for (int s = 0; s < sets.size(); s++) {
        confusions.add(new ConfusionMatrix());
      }
      for (int fold = 0; fold < FOLDS; fold++) {
        LabelThresholds foldThresholds = ThresholdSearch.best(labelledSets(sets, outOfFold, fold));
        for (int s = 0; s < sets.size(); s++) {
          PreparedSet set = sets.get(s);
          for (int i = 0; i < set.size(); i++) {
            if (set.folds[i] == fold) {
              confusions.get(s).add(set.gold[i], foldThresholds.label(outOfFold.get(s)[i]));
            }
          }
        }
      }
      return confusions;
    }

    /** The labelled (not rated) sets' scores and gold labels, leaving out one fold (none when negative). */
    private static List<ThresholdSearch.Scored> labelledSets(List<PreparedSet> sets, List<double[]> outOfFold,
        int leftOut) {
      List<ThresholdSearch.Scored> scored = new ArrayList<>();
      for (int s = 0; s < sets.size(); s++) {
        PreparedSet set = sets.get(s);
        if (set.rated) {
          continue;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
          if (set.folds[i] != leftOut) {
            kept.add(i);
          }
        }
        double[] compounds = new double[kept.size()];
        SentimentLabel[] gold = new SentimentLabel[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
          compounds[k] = outOfFold.get(s)[kept.get(k)];
          gold[k] = set.gold[kept.get(k)];
        }
        scored.add(new ThresholdSearch.Scored(compounds, gold));
      }
      return scored;
    }

    Config config() {
      return config;
    }

    LabelThresholds thresholds() {
      return thresholds;
    }

    double score() {
      return score;
    }

    void print(PrintStream out) {
      out.printf(Locale.ROOT, "%s: cross-validated score %.4f, thresholds on all folds %s%n", config, score,
          thresholds);
      lines.forEach(out::println);
    }
  }
}
