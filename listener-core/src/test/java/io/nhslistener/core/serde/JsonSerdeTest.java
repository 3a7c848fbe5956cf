package io.nhslistener.core.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.QuietHours;
import io.nhslistener.core.model.RecordFormatException;
import io.nhslistener.core.model.RouteSelection;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.SourceCursor;
import io.nhslistener.core.model.TermCount;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import io.nhslistener.core.model.WindowStats;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private final JsonSerde<Mention> mentions = new JsonSerde<>(Mention.class);

  static Mention mention() {
    return Mention.builder("mastodon:109", "mastodon", "Maternity unit closing at #Northshire", T0, T0.plusSeconds(2))
        .url("https://example.social/@trust/109")
        .authorKey("a1b2c3")
        .lang("en")
        .replyTo("mastodon:100")
        .engagement(new Engagement(4, 2, 1))
        .build();
  }

  @Test
  void everyRecordRoundTrips() {
    Mention mention = mention();
    MatchedMention matched = MatchedMention.of(mention, "northshire", List.of("name"), List.of("#northshire"),
        new Sentiment(-0.4, SentimentLabel.NEGATIVE));
    WindowStats stats = new WindowStats(1, "northshire", T0, T0.plusSeconds(60), 3, 2, 1, 1, 1, -0.1,
        List.of(new TermCount("maternity", 3)), List.of(SampleMention.of(matched)), Map.of("mastodon", 3L));
    Alert alert = new Alert(1, Alert.idFor("northshire", AlertKind.VOLUME_SPIKE, T0, AlertStatus.FIRING),
        "northshire", AlertKind.VOLUME_SPIKE, Severity.HIGH, AlertStatus.FIRING, T0, T0.plusSeconds(60), T0, 84, 12,
        7.5, "Mentions rose to 84", List.of(new TermCount("maternity", 3)), List.of(SampleMention.of(matched)));
    Watch watch = Watch.of(new Organisation("northshire", "Northshire Hospitals", OrgType.TRUST, "wessex-icb",
        List.of("@northshire")), List.of(new WatchRule("name", "\"northshire hospitals\"", List.of("en"), List.of())),
        List.of(new RouteSelection("comms", Severity.MEDIUM)),
        new AlertSettings(1.5, 3, new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), "Europe/London"), true));
    DeadLetter letter = DeadLetter.of("match", "bad", "listener.mentions.unique", 2, 40, new byte[] {1, 2},
        "{oops".getBytes(StandardCharsets.UTF_8), T0);
    SourceCursor cursor = SourceCursor.of("mastodon-nhs", "109", T0);

    assertEquals(mention, roundTrip(mentions, mention));
    assertEquals(matched, roundTrip(new JsonSerde<>(MatchedMention.class), matched));
    assertEquals(stats, roundTrip(new JsonSerde<>(WindowStats.class), stats));
    assertEquals(alert, roundTrip(new JsonSerde<>(Alert.class), alert));
    assertEquals(watch, roundTrip(new JsonSerde<>(Watch.class), watch));
    assertEquals(cursor, roundTrip(new JsonSerde<>(SourceCursor.class), cursor));
    DeadLetter read = roundTrip(new JsonSerde<>(DeadLetter.class), letter);
    assertEquals("{oops", new String(read.value(), StandardCharsets.UTF_8));
    assertEquals(40, read.offset());
  }

  @Test
  void writesCamelCaseWithSchemaVersionAndIsoTimes() {
    String json = mentions.toJson(mention());
    assertTrue(json.startsWith("{\"v\":1,\"id\":\"mastodon:109\""), json);
    assertTrue(json.contains("\"createdAt\":\"2026-11-21T09:00:00Z\""), json);
    assertTrue(json.contains("\"replyTo\":\"mastodon:100\""), json);
  }

  @Test
  void ignoresUnknownFields() {
    Mention read = mentions.fromJson("{\"v\":1,\"id\":\"rss:1\",\"source\":\"rss\",\"text\":\"hi\","
        + "\"createdAt\":\"2026-11-21T09:00:00Z\",\"ingestedAt\":\"2026-11-21T09:00:01Z\",\"futureField\":{\"a\":1}}");
    assertEquals("rss:1", read.id());
  }

  @Test
  void rejectsAMissingRequiredFieldNamingIt() {
    RecordFormatException e = assertThrows(RecordFormatException.class, () -> mentions.fromJson(
        "{\"v\":1,\"id\":\"rss:1\",\"source\":\"rss\",\"text\":\"hi\",\"ingestedAt\":\"2026-11-21T09:00:01Z\"}"));
    assertEquals("createdAt", e.field());
    assertTrue(e.getMessage().contains("Mention.createdAt"), e.getMessage());
  }

  @Test
  void rejectsAWrongTypeNamingFieldAndValue() {
    RecordFormatException e = assertThrows(RecordFormatException.class, () -> mentions.fromJson(
        "{\"v\":1,\"id\":\"rss:1\",\"source\":\"rss\",\"text\":\"hi\",\"createdAt\":\"yesterday\","
            + "\"ingestedAt\":\"2026-11-21T09:00:01Z\"}"));
    assertEquals("createdAt", e.field());
    assertTrue(e.getMessage().contains("yesterday"), e.getMessage());
  }

  @Test
  void rejectsAnObjectWhereTextIsExpected() {
    RecordFormatException e = assertThrows(RecordFormatException.class, () -> mentions.fromJson(
        "{\"v\":1,\"id\":\"rss:1\",\"source\":\"rss\",\"text\":{\"nested\":true},"
            + "\"createdAt\":\"2026-11-21T09:00:00Z\",\"ingestedAt\":\"2026-11-21T09:00:01Z\"}"));
    assertEquals("text", e.field());
  }

  @Test
  void rejectsAnotherSchemaVersion() {
    RecordFormatException e = assertThrows(RecordFormatException.class, () -> mentions.fromJson(
        "{\"v\":2,\"id\":\"rss:1\",\"source\":\"rss\",\"text\":\"hi\",\"createdAt\":\"2026-11-21T09:00:00Z\","
            + "\"ingestedAt\":\"2026-11-21T09:00:01Z\"}"));
    assertEquals("v", e.field());
    assertTrue(e.getMessage().contains("2"), e.getMessage());
  }

  @Test
  void rejectsAMissingSchemaVersion() {
    RecordFormatException e = assertThrows(RecordFormatException.class, () -> mentions.fromJson(
        "{\"id\":\"rss:1\",\"source\":\"rss\",\"text\":\"hi\",\"createdAt\":\"2026-11-21T09:00:00Z\","
            + "\"ingestedAt\":\"2026-11-21T09:00:01Z\"}"));
    assertEquals("v", e.field());
  }

  @Test
  void rejectsMalformedJsonAndDeepNesting() {
    assertThrows(RecordFormatException.class, () -> mentions.fromJson("{\"v\":1,"));
    assertThrows(RecordFormatException.class, () -> mentions.fromJson("[1,2]"));
    String deep = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);
    assertThrows(RecordFormatException.class, () -> mentions.fromJson(deep));
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] bytes = "{\"v\":1,\"id\":\"rss:1\",\"source\":\"rss\",\"text\":\"X\"}".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 4] = (byte) 0xC3; // a lead byte followed by a quote: not UTF-8
    assertThrows(RecordFormatException.class, () -> mentions.deserialize("t", bytes));
  }

  @Test
  void rejectsOutOfRangeValuesThroughTheRecordsOwnChecks() {
    JsonSerde<Sentiment> sentiments = new JsonSerde<>(Sentiment.class);
    RecordFormatException e = assertThrows(RecordFormatException.class,
        () -> sentiments.fromJson("{\"compound\":3.5,\"label\":\"POSITIVE\"}"));
    assertEquals("compound", e.field());
    assertThrows(RecordFormatException.class, () -> sentiments.fromJson("{\"compound\":0.5,\"label\":\"HAPPY\"}"));
  }

  @Test
  void nullBytesAreATombstone() {
    assertNull(mentions.deserialize("t", null));
    assertNull(mentions.serialize("t", null));
  }

  private static <T> T roundTrip(JsonSerde<T> serde, T value) {
    return serde.deserialize("t", serde.serialize("t", value));
  }
}
