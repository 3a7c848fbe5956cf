package io.nhslistener.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PayloadFormatTest {
  /** The captured samples beside the repository (see ../shared/payloads/README.md); read, never copied. */
  private static final Path SHARED = Path.of("..", "..", "shared", "payloads");

  private static List<Item> read(PayloadFormat format, InputStream in) throws IOException {
    List<Item> items = new ArrayList<>();
    try (ItemReader reader = format.open(in, Clock.systemUTC())) {
      for (Item item = reader.next(); item != null; item = reader.next()) {
        items.add(item);
      }
    }
    return items;
  }

  private static List<Item> read(PayloadFormat format, String text) throws IOException {
    return read(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static long posts(List<Item> items) {
    return items.stream().filter(Item.Post.class::isInstance).count();
  }

  private static long malformed(List<Item> items) {
    return items.stream().filter(Item.Malformed.class::isInstance).count();
  }

  private static Path shared(String file) {
    Path path = SHARED.resolve(file);
    assumeTrue(Files.isRegularFile(path), "captured samples not present at " + SHARED.toAbsolutePath()
        + " (../shared/payloads beside the repository); skipping the check against real payloads");
    return path;
  }

  @Test
  void everyFormatReadsItsOwnFixtures() throws IOException {
    assertEquals(1, posts(read(PayloadFormat.MASTODON_SSE, "event: update\ndata: "
        + Fixtures.mastodonStatus("1", "a", "<p>hi</p>") + "\n\nevent: notification\ndata: {}\n\n")));
    assertEquals(1, posts(read(PayloadFormat.JETSTREAM, Fixtures.jetstreamPost("did:plc:a", 1, "k", "hi") + "\n")));
    assertEquals(2, posts(read(PayloadFormat.REDDIT_LISTING, Fixtures.redditListing(
        Fixtures.redditSubmission("a", "u", "t", 1), Fixtures.redditSubmission("b", "u", "t", 2)))));
    assertEquals(1, posts(read(PayloadFormat.X_STREAM, "\r\n" + Fixtures.xPost("1", "2", "hi") + "\r\n\r\n")));
    assertEquals(2, posts(read(PayloadFormat.RSS, Fixtures.rss("a", "A", "b", "B"))));
    assertEquals(1, malformed(read(PayloadFormat.RSS, "<html>")));
    assertEquals(1, malformed(read(PayloadFormat.MENTION, "{\"v\":1}\n")));
  }

  @Test
  void atomFeedsUseTheirEntryIds() throws IOException {
    String atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
        + "<id>urn:feed</id><updated>2026-03-01T09:00:00Z</updated><entry><id>urn:uuid:1234</id><title>Ward news"
        + "</title><updated>2026-03-01T09:00:00Z</updated><summary type=\"html\">&lt;p&gt;Open&lt;/p&gt;</summary>"
        + "<link href=\"https://example.org/1\"/></entry></feed>";
    Item.Post post = (Item.Post) read(PayloadFormat.RSS, atom).get(0);
    assertEquals("rss:urn:uuid:1234", post.mention().id());
    assertEquals("Ward news\n\nOpen", post.mention().text());
  }

  @Test
  void redditFileWithSeveralListingsAndBrokenTail() throws IOException {
    String two = Fixtures.redditListing(Fixtures.redditSubmission("a", "u", "t", 1)) + "\n"
        + Fixtures.redditListing(Fixtures.redditSubmission("b", "u", "t", 2)) + "\n{\"kind\":";
    List<Item> items = read(PayloadFormat.REDDIT_LISTING, two);
    assertEquals(2, posts(items));
    assertEquals(1, malformed(items));
  }

  @Test
  void unknownFormatNamesTheAcceptedOnes() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> PayloadFormat.fromLabel("tiktok"));
    assertTrue(error.getMessage().contains("mention, mastodon-sse, jetstream, reddit-listing, x-stream, rss"));
  }

  @Test
  void realMastodonStreamingCapture() throws IOException {
    Path file = shared("mastodon/streaming_sse_examples.txt");
    long statusEvents = Pattern.compile("(?m)^event: (update|status\\.update|delete)$")
        .matcher(Files.readString(file)).results().count();
    List<Item> items = read(PayloadFormat.MASTODON_SSE, Files.newInputStream(file));
    assertEquals(statusEvents, items.size());
    assertEquals(0, malformed(items), () -> items.stream().filter(Item.Malformed.class::isInstance)
        .map(i -> ((Item.Malformed) i).reason()).toList().toString());
  }

  @Test
  void realJetstreamCapture() throws IOException {
    Path file = shared("bluesky-jetstream/subscribe_golden_v1.jsonl");
    String text = Files.readString(file);
    long wanted = Pattern.compile("\"collection\":\"app\\.bsky\\.feed\\.(post|repost)\"").matcher(text).results()
        .count();
    List<Item> items = read(PayloadFormat.JETSTREAM, Files.newInputStream(file));
    assertEquals(wanted, posts(items));
    assertEquals(0, malformed(items));
  }

  @Test
  void realRedditListings() throws IOException {
    for (String name : List.of("reddit/listing_new.json", "reddit/listing_submissions_page2.json")) {
      Path file = shared(name);
      long children = Pattern.compile("\"kind\": ?\"t3\"").matcher(Files.readString(file)).results().count();
      List<Item> items = read(PayloadFormat.REDDIT_LISTING, Files.newInputStream(file));
      assertEquals(children, posts(items), name);
    }
  }
}
