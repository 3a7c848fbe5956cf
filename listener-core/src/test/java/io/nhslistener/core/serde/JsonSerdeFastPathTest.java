package io.nhslistener.core.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written paths of {@link JsonSerde#mention()} and {@link JsonSerde#matchedMention()} against the mapper
 * alone ({@code new JsonSerde<>(type)}) as the reference: the same bytes out, the same records in, and the same
 * outcome, record or error message, for input in other forms.
 */
class JsonSerdeFastPathTest {
  private static final int RECORDS = 2_000;
  private static final String[] WORDS = {"maternity", "A&E", "Ward 7", "café", "naïve", "\"quoted\"", "back\\slash",
      "line\nbreak", "tab\t", "\u0001control", "emoji 😀", "✓", "Ysbyty Gwynedd", "<b>html</b>", "#NHS", "@trust",
      "https://example.org/a?b=c&d=e", "€100", "\u2028separator", ""};

  private final JsonSerde<Mention> fastMentions = JsonSerde.mention();
  private final JsonSerde<Mention> mapperMentions = new JsonSerde<>(Mention.class);
  private final JsonSerde<MatchedMention> fastMatched = JsonSerde.matchedMention();
  private final JsonSerde<MatchedMention> mapperMatched = new JsonSerde<>(MatchedMention.class);

  @Test
  void mentionsAreWrittenAsTheMapperWritesThemAndReadBackEqual() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < RECORDS; i++) {
      Mention mention = randomMention(random, i);
      byte[] expected = mapperMentions.serialize("t", mention);
      byte[] actual = fastMentions.serialize("t", mention);
      assertArrayEquals(expected, actual, () -> new String(expected, StandardCharsets.UTF_8));
      assertArrayEquals(expected, codecBytes(MentionJson.CODEC, mention));
      assertEquals(mention, fastMentions.deserialize("t", actual));
      assertEquals(mention, codecRead(MentionJson.CODEC, expected), "the fast path reads what the mapper writes");
    }
  }

  @Test
  void matchedMentionsAreWrittenAsTheMapperWritesThemAndReadBackEqual() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < RECORDS; i++) {
      MatchedMention matched = MatchedMention.of(randomMention(random, i), "org-" + random.nextInt(100),
          randomWords(random, 1 + random.nextInt(3)), randomWords(random, random.nextInt(4)),
          new Sentiment(random.nextInt(10) == 0 ? random.nextInt(3) - 1 : random.nextDouble() * 2 - 1,
              SentimentLabel.values()[random.nextInt(3)]));
      byte[] expected = mapperMatched.serialize("t", matched);
      byte[] actual = fastMatched.serialize("t", matched);
      assertArrayEquals(expected, actual, () -> new String(expected, StandardCharsets.UTF_8));
      assertArrayEquals(expected, codecBytes(MatchedMentionJson.CODEC, matched));
      assertEquals(matched, fastMatched.deserialize("t", actual));
      assertEquals(matched, codecRead(MatchedMentionJson.CODEC, expected), "the fast path reads what the mapper writes");
    }
  }

  /** Input the fast path declines or reads: either way the outcome must be the mapper's. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00.5Z\",\"extra\":{\"nested\":[1,2,{\"a\":null}]},\"more\":7}",
      "{\"ingestedAt\":\"2026-01-01T00:00:00Z\",\"text\":\"t\",\"source\":\"x\",\"id\":\"x:1\",\"v\":1,"
          + "\"createdAt\":\"2026-01-01T00:00:00.123456789Z\",\"echoes\":3,\"retraction\":true,\"url\":null}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":\"2026-01-01T01:00:00+01:00\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\"}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":1767225600,"
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\"}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":\"2026-02-30T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\"}",
      "{\"v\":\"1\",\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\"}",
      "{\"v\":2,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\"}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\"}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":null,\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\"}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\",\"echoes\":-1}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\",\"text\":\"again\"}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\",\"engagement\":{\"likes\":\"many\"}}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\",\"engagement\":{\"likes\":1,\"views\":9}}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\",\"retraction\":\"yes\"}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\"} {}",
      "{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":7,\"createdAt\":\"2026-01-01T00:00:00Z\","
          + "\"ingestedAt\":\"2026-01-01T00:00:00Z\"}",
      "[1,2]",
      "{\"v\":1,",
      "not json"})
  void mentionsInOtherFormsReadAsTheMapperReadsThem(String json) {
    assertSameOutcome(json, mapperMentions, fastMentions);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"v\":1,\"orgId\":\"o\",\"ruleIds\":[\"r\"],\"terms\":[],\"sentiment\":{\"compound\":0.5,\"label\":\"POSITIVE\"},"
          + "\"mention\":{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\","
          + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"ingestedAt\":\"2026-01-01T00:00:00Z\"},\"new\":[]}",
      "{\"v\":1,\"orgId\":\"o\",\"ruleIds\":[],\"sentiment\":{\"compound\":0.5,\"label\":\"POSITIVE\"},"
          + "\"mention\":{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\","
          + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"ingestedAt\":\"2026-01-01T00:00:00Z\"}}",
      "{\"v\":1,\"orgId\":\"o\",\"ruleIds\":[\"r\",null],\"sentiment\":{\"compound\":0.5,\"label\":\"POSITIVE\"},"
          + "\"mention\":{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\","
          + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"ingestedAt\":\"2026-01-01T00:00:00Z\"}}",
      "{\"v\":1,\"orgId\":\"o\",\"ruleIds\":[\"r\"],\"sentiment\":{\"compound\":1,\"label\":\"positive\"},"
          + "\"mention\":{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\","
          + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"ingestedAt\":\"2026-01-01T00:00:00Z\"}}",
      "{\"v\":1,\"orgId\":\"o\",\"ruleIds\":[\"r\"],\"sentiment\":{\"compound\":1.5,\"label\":\"POSITIVE\"},"
          + "\"mention\":{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\","
          + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"ingestedAt\":\"2026-01-01T00:00:00Z\"}}",
      "{\"v\":1,\"orgId\":\"o\",\"ruleIds\":[\"r\"],\"sentiment\":{\"compound\":-1,\"label\":\"NEGATIVE\"},"
          + "\"mention\":{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\",\"echoes\":2,"
          + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"ingestedAt\":\"2026-01-01T00:00:00Z\"}}",
      "{\"v\":1,\"orgId\":\"o\",\"ruleIds\":[\"r\"],\"sentiment\":{\"compound\":0,\"label\":\"NEUTRAL\"},"
          + "\"mention\":{\"v\":1,\"id\":\"x:1\",\"source\":\"x\",\"text\":\"t\"}}",
      "{\"v\":1,\"orgId\":\"o\",\"ruleIds\":[\"r\"],\"mention\":null,"
          + "\"sentiment\":{\"compound\":0,\"label\":\"NEUTRAL\"}}"})
  void matchedMentionsInOtherFormsReadAsTheMapperReadsThem(String json) {
    assertSameOutcome(json, mapperMatched, fastMatched);
  }

  @Test
  void nullsStayNullBothWays() {
    assertNull(fastMentions.serialize("t", null));
    assertNull(fastMentions.deserialize("t", null));
    assertNull(fastMatched.serialize("t", null));
    assertNull(fastMatched.deserialize("t", null));
  }

  @Test
  void instantsOutsideTheWrittenLayoutAreLeftToTheFullParser() {
    assertEquals(Instant.parse("2026-01-01T00:00:00.5Z"), IsoInstants.parse("2026-01-01T00:00:00.5Z"));
    assertEquals(Instant.parse("0001-12-31T23:59:59.999999999Z"), IsoInstants.parse("0001-12-31T23:59:59.999999999Z"));
    for (String other : List.of("2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00.Z", "2026-01-01 00:00:00Z",
        "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:59:60Z", "+12026-01-01T00:00:00Z",
        "2026-01-01T00:00:00.1234567890Z", "2026-0a-01T00:00:00Z")) {
      assertNull(IsoInstants.parse(other), other);
    }
  }

  private static <T> byte[] codecBytes(FastCodec<T> codec, T value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator generator = Json.mapper().createGenerator(bytes)) {
      codec.write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <T> T codecRead(FastCodec<T> codec, byte[] bytes) {
    try (JsonParser parser = Json.mapper().createParser(bytes)) {
      return codec.read(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> void assertSameOutcome(String json, JsonSerde<T> reference, JsonSerde<T> fast) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    T expected;
    try {
      expected = reference.deserialize("t", bytes);
    } catch (RecordFormatException e) {
      RecordFormatException actual = assertThrows(RecordFormatException.class, () -> fast.deserialize("t", bytes));
      assertEquals(e.getMessage(), actual.getMessage());
      return;
    }
    assertEquals(expected, fast.deserialize("t", bytes));
  }

  private static Mention randomMention(SplittableRandom random, int n) {
    Instant created = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(200_000_000),
        random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
    Instant ingested = created.plusNanos(random.nextInt(3) == 0 ? 0 : random.nextLong(10_000_000_000L));
    Mention.Builder builder = Mention.builder("src:" + n, random.nextBoolean() ? "mastodon" : "bluesky",
        String.join(" ", randomWords(random, random.nextInt(40))), created, ingested);
    if (random.nextBoolean()) {
      builder.url("https://example.org/" + n);
    }
    if (random.nextBoolean()) {
      builder.authorKey(Long.toHexString(random.nextLong()));
    }
    if (random.nextBoolean()) {
      builder.lang(random.nextBoolean() ? "en" : "cy");
    }
    if (random.nextInt(4) == 0) {
      builder.replyTo("src:" + random.nextInt(n + 1));
    }
    if (random.nextInt(4) == 0) {
      builder.repostOf("src:" + random.nextInt(n + 1));
    }
    if (random.nextInt(4) == 0) {
      builder.quoteOf("src:" + random.nextInt(n + 1));
    }
    if (random.nextBoolean()) {
      builder.engagement(new Engagement(random.nextInt(1000), random.nextLong(Long.MAX_VALUE), random.nextInt(10)));
    }
    return builder.echoes(random.nextInt(3) == 0 ? random.nextInt(50) : 0).retraction(random.nextInt(20) == 0)
        .build();
  }

  private static List<String> randomWords(SplittableRandom random, int count) {
    List<String> words = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      words.add(WORDS[random.nextInt(WORDS.length)]);
    }
    return words;
  }
}
