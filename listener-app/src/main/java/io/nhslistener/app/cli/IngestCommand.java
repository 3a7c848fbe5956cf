package io.nhslistener.app.cli;

import io.nhslistener.app.config.AppConfig;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.privacy.Pseudonymiser;
import io.nhslistener.core.privacy.Redactor;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.ingest.format.ItemReader;
import io.nhslistener.ingest.format.PayloadFormat;
import io.nhslistener.ingest.runner.MentionPrivacy;
import io.nhslistener.ingest.source.Item;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code listener ingest --format F --file PATH --dry-run}: reads a captured payload file with the named connector's
 * parser and prints the mentions it would produce — after the same privacy processing as the ingest role — as JSON
 * lines, each rejected payload's reason on stderr, then {@code {"read":N,"mentions":M,"rejected":R}}. Nothing is sent
 * to Kafka. The way an operator checks a source's payloads before switching it on.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Parses a captured payload file as a connector would and prints the resulting mentions (dry run).")
public final class IngestCommand implements Callable<Integer> {
  private static final JsonSerde<Mention> MENTIONS = new JsonSerde<>(Mention.class);

  @Spec CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "F",
      description = "mention, mastodon-sse, jetstream, reddit-listing, x-stream or rss")
  String format;

  @Option(names = "--file", required = true, paramLabel = "PATH", description = "The captured payload file")
  Path file;

  @Option(names = "--dry-run", description = "Print instead of producing (required: to ingest a file into Kafka, "
      + "configure a 'replay' source and use 'listener run')")
  boolean dryRun;

  @Option(names = "--config", paramLabel = "FILE",
      description = "listener.yaml whose privacy.hmacKey gives the author keys (default: a throw-away key)")
  Path configFile;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!dryRun) {
      err.println("listener ingest: only --dry-run is supported; to ingest a file, configure a source of type "
          + "'replay' and run 'listener run --role ingest'");
      return ExitCodes.INVALID_CONFIG;
    }
    PayloadFormat payloadFormat;
    try {
      payloadFormat = PayloadFormat.fromLabel(format);
    } catch (IllegalArgumentException e) {
      err.println("listener ingest: " + e.getMessage());
      return ExitCodes.INVALID_CONFIG;
    }
    MentionPrivacy privacy = new MentionPrivacy(new Pseudonymiser(hmacKey()));
    long mentions = 0;
    long rejected = 0;
    try (ItemReader reader = payloadFormat.open(Files.newInputStream(file), Clock.systemUTC())) {
      for (Item item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof Item.Post post) {
          out.println(MENTIONS.toJson(privacy.apply(post)));
          mentions++;
        } else if (item instanceof Item.Malformed bad) {
          err.println("rejected: " + Redactor.redact(bad.reason()));
          rejected++;
        }
      }
    } catch (NoSuchFileException e) {
      err.println("listener ingest: no such file: " + file);
      return ExitCodes.FAILURE;
    }
    out.println("{\"read\":" + (mentions + rejected) + ",\"mentions\":" + mentions + ",\"rejected\":" + rejected + "}");
    out.flush();
    err.flush();
    return ExitCodes.OK;
  }

  /** The configured key, or a random one: a dry run must not need secrets, and its pseudonyms are never stored. */
  private String hmacKey() {
    if (configFile != null) {
      var configured = AppConfig.load(configFile).find(CoreSettings.HMAC_KEY);
      if (configured.isPresent()) {
        return configured.get();
      }
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return HexFormat.of().formatHex(key);
  }
}
