package io.nhslistener.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.app.ListenerMain;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.serde.JsonSerde;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Acceptance 5 of issue 3: {@code listener ingest --dry-run} for every {@code --format}, on fixtures written here. */
class IngestCommandTest {
  private static final JsonSerde<Mention> MENTIONS = new JsonSerde<>(Mention.class);
  private static final String STATUS = "{\"id\":\"1001\",\"created_at\":\"2026-03-01T09:00:00.000Z\",\"language\":"
      + "\"en\",\"url\":\"https://example.social/@ann/1001\",\"content\":\"<p>Ring 07700 900123 <a href=\\\"https://"
      + "example.social/tags/nhs\\\">#<span>nhs</span></a></p>\",\"reblog\":null,\"account\":{\"acct\":\"ann\"}}";

  @TempDir Path dir;

  private record Run(int exit, List<String> out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = ListenerMain.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exit = command.execute(args);
    return new Run(exit, Arrays.stream(out.toString().split("\n")).filter(l -> !l.isBlank()).toList(), err.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mention|{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"hi\",\"createdAt\":\"2026-03-01T09:00:00Z\",\"ingestedAt\":\"2026-03-01T09:00:00Z\"}\\n{\"v\":1}\\n|1|1",
      "jetstream|{\"did\":\"did:plc:a\",\"time_us\":1,\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"k\",\"record\":{\"text\":\"hi\",\"createdAt\":\"2026-03-01T09:00:00Z\"}}}\\n{\"did\":\"did:plc:a\",\"time_us\":2,\"kind\":\"identity\"}\\nnot json\\n|1|1",
      "reddit-listing|{\"kind\":\"Listing\",\"data\":{\"children\":[{\"kind\":\"t3\",\"data\":{\"name\":\"t3_a\",\"title\":\"T\",\"author\":\"u\",\"created_utc\":1772355600.0,\"permalink\":\"/r/nhs/comments/a/t/\"}},{\"kind\":\"t3\",\"data\":{\"name\":\"t3_b\"}}]}}|1|1",
      "x-stream|{\"data\":{\"id\":\"5\",\"text\":\"hi\",\"author_id\":\"9\",\"created_at\":\"2026-03-01T09:00:00.000Z\"}}\\r\\n\\r\\n{\"data\":{}}\\r\\n|1|1",
      "rss|<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>N</title><item><guid>g1</guid><title>Ward opens</title></item></channel></rss>|1|0"})
  void everyFormatPrintsMentionsThenASummary(String format, String content, int mentions, int rejected)
      throws Exception {
    Path file = dir.resolve(format + ".txt");
    Files.writeString(file, content.replace("\\n", "\n").replace("\\r", "\r"));
    Run run = run("ingest", "--format", format, "--file", file.toString(), "--dry-run");
    assertEquals(0, run.exit(), run.err());
    assertEquals(mentions + 1, run.out().size(), run.out().toString());
    for (String line : run.out().subList(0, mentions)) {
      MENTIONS.fromJson(line);
    }
    assertEquals("{\"read\":" + (mentions + rejected) + ",\"mentions\":" + mentions + ",\"rejected\":" + rejected
        + "}", run.out().get(mentions));
    assertEquals(rejected, run.err().lines().filter(l -> l.startsWith("rejected: ")).count(), run.err());
  }

  @Test
  void mastodonStreamIsPrintedPrivately() throws Exception {
    Path file = dir.resolve("stream.txt");
    Files.writeString(file, ":thump\n\nevent: update\ndata: " + STATUS + "\n\nevent: delete\ndata: 99\n\n"
        + "event: notification\ndata: {}\n\n");
    Run run = run("ingest", "--format", "mastodon-sse", "--file", file.toString(), "--dry-run");
    assertEquals(0, run.exit(), run.err());
    Mention first = MENTIONS.fromJson(run.out().get(0));
    assertEquals("Ring [phone] #nhs", first.text());
    assertEquals(32, first.authorKey().length());
    assertFalse(run.out().get(0).contains("ann\""), "no handle in the output");
    assertEquals("{\"read\":2,\"mentions\":2,\"rejected\":0}", run.out().get(2));
  }

  @Test
  void unknownFormatAndMissingDryRunAreUsageErrors() throws Exception {
    Path file = Files.writeString(dir.resolve("f.txt"), "");
    Run unknown = run("ingest", "--format", "tiktok", "--file", file.toString(), "--dry-run");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("expected one of mention, mastodon-sse"), unknown.err());
    assertEquals(2, run("ingest", "--format", "rss", "--file", file.toString()).exit());
  }
}
