package io.nhslistener.ingest.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.ingest.source.Item;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MentionLineParserTest {
  private static final JsonSerde<Mention> SERDE = new JsonSerde<>(Mention.class);
  private final MentionLineParser parser = new MentionLineParser();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void givesWhatTheSerdeGivesForEveryField() {
    Mention full = Mention.builder("x:1", "x", "text \"quoted\" é", Instant.parse("2026-03-01T09:00:00.123456789Z"),
            Instant.parse("2026-03-01T09:00:01Z"))
        .url("https://x.com/i/web/status/1").authorKey("abc").lang("en").replyTo("x:0").repostOf("x:2")
        .quoteOf("x:3").engagement(new Engagement(1, 2, 3)).echoes(4).retraction(true).build();
    String json = SERDE.toJson(full);
    assertEquals(full, assertInstanceOf(Item.Post.class, parser.parse(bytes(json))).mention());
    String minimal = "{\"v\":1,\"id\":\"m:1\",\"source\":\"m\",\"text\":\"\",\"createdAt\":\"2026-03-01T09:00:00Z\","
        + "\"ingestedAt\":\"2026-03-01T09:00:00.5Z\",\"unknown\":{\"a\":[1,2]},\"url\":null}";
    assertEquals(SERDE.fromJson(minimal),
        assertInstanceOf(Item.Post.class, parser.parse(bytes(minimal))).mention());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"v\":2,\"id\":\"m:1\",\"source\":\"m\",\"text\":\"\",\"createdAt\":\"2026-03-01T09:00:00Z\",\"ingestedAt\":\"2026-03-01T09:00:00Z\"}",
      "{\"v\":\"1\",\"id\":\"m:1\",\"source\":\"m\",\"text\":\"\",\"createdAt\":\"2026-03-01T09:00:00Z\",\"ingestedAt\":\"2026-03-01T09:00:00Z\"}",
      "{\"v\":1,\"id\":\"m:1\",\"source\":\"m\",\"createdAt\":\"2026-03-01T09:00:00Z\",\"ingestedAt\":\"2026-03-01T09:00:00Z\"}",
      "{\"v\":1,\"id\":\"m:1\",\"source\":\"m\",\"text\":\"\",\"createdAt\":1772355600,\"ingestedAt\":\"2026-03-01T09:00:00Z\"}",
      "{\"v\":1,\"id\":\"\",\"source\":\"m\",\"text\":\"\",\"createdAt\":\"2026-03-01T09:00:00Z\",\"ingestedAt\":\"2026-03-01T09:00:00Z\"}",
      "{\"v\":1,\"id\":\"m:1\",\"source\":\"m\",\"text\":\"\",\"createdAt\":\"2026-02-30T09:00:00Z\",\"ingestedAt\":\"2026-03-01T09:00:00Z\"}",
      "{\"v\":1} trailing", "[1]", "not json"})
  void anythingUnusualIsJudgedAsTheSerdeJudgesItAndRejectedWithItsReason(String line) {
    Item item = parser.parse(bytes(line));
    if (item instanceof Item.Post post) {
      assertEquals(SERDE.fromJson(line), post.mention(), "the serde accepted it, so must the parser");
    } else {
      Item.Malformed malformed = assertInstanceOf(Item.Malformed.class, item);
      assertTrue(malformed.reason().startsWith("Mention"), malformed.reason());
    }
  }
}
