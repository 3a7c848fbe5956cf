package io.nhslistener.app.cli;

import io.nhslistener.streams.sentiment.eval.EvaluationReport;
import io.nhslistener.streams.sentiment.eval.SentimentEvaluation;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code listener eval sentiment --input FILE}. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
    description = {"Scores a labelled TSV with the sentiment scorer and prints accuracy, macro recall, macro-F1,",
        "the confusion matrix, Pearson r (when gold scores are given) and throughput, then one JSON line.",
        "Lines are label<TAB>text (negative|neutral|positive) or score<TAB>text (a number)."})
public final class EvalSentimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "TSV of gold labels or scores")
  Path input;

  @Override
  public Integer call() throws Exception {
    EvaluationReport report = SentimentEvaluation.standard().evaluate(input);
    spec.commandLine().getOut().flush();
    // The report renders to a PrintStream; stdout is where the command line prints.
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    report.render(out);
    out.flush();
    return ExitCodes.OK;
  }
}
