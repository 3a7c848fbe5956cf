package io.nhslistener.app.cli;

import picocli.CommandLine.Command;

/** {@code listener eval}: measure the sentiment scorer and the spike detector on labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measures the sentiment scorer and the spike detector on labelled data.",
    subcommands = {EvalSentimentCommand.class, EvalSpikesCommand.class})
public final class EvalCommand {
}
