package io.nhslistener.core.topic;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.DeadLetter;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.SourceCursor;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.core.topic.Topic.Cleanup;
import io.nhslistener.core.topic.Topic.Sizing;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The topic catalogue: every topic of DESIGN.md, with its key and value serdes and creation settings. */
public final class Topics {
  private static final Duration DAYS_7 = Duration.ofDays(7);
  private static final Duration DAYS_30 = Duration.ofDays(30);
  private static final Duration DAYS_400 = Duration.ofDays(400);

  public static final Topic<String, Mention> MENTIONS_RAW = new Topic<>("listener.mentions.raw",
      Serdes.String(), JsonSerde.mention(), Cleanup.DELETE, DAYS_7, Sizing.MENTIONS);

  public static final Topic<String, Mention> MENTIONS_UNIQUE = new Topic<>("listener.mentions.unique",
      Serdes.String(), JsonSerde.mention(), Cleanup.DELETE, DAYS_7, Sizing.MENTIONS);

  public static final Topic<String, MatchedMention> MENTIONS_MATCHED = new Topic<>("listener.mentions.matched",
      Serdes.String(), JsonSerde.matchedMention(), Cleanup.DELETE, DAYS_30, Sizing.ORGANISATIONS);

  public static final Topic<String, WindowStats> ORG_STATS = new Topic<>("listener.org.stats",
      Serdes.String(), new JsonSerde<>(WindowStats.class), Cleanup.DELETE, DAYS_30, Sizing.ORGANISATIONS);

  public static final Topic<String, Alert> ALERTS = new Topic<>("listener.alerts",
      Serdes.String(), new JsonSerde<>(Alert.class), Cleanup.DELETE, DAYS_400, Sizing.ORGANISATIONS);

  public static final Topic<String, Watch> RULES = new Topic<>("listener.rules",
      Serdes.String(), new JsonSerde<>(Watch.class), Cleanup.COMPACT, null, Sizing.SINGLE);

  public static final Topic<String, SourceCursor> INGEST_CURSORS = new Topic<>("listener.ingest.cursors",
      Serdes.String(), new JsonSerde<>(SourceCursor.class), Cleanup.COMPACT, null, Sizing.SINGLE);

  public static final Topic<byte[], DeadLetter> DEADLETTER = new Topic<>("listener.deadletter",
      Serdes.ByteArray(), new JsonSerde<>(DeadLetter.class), Cleanup.DELETE, DAYS_30, Sizing.SINGLE);

  /** Every topic, in pipeline order. */
  public static final List<Topic<?, ?>> ALL = List.of(MENTIONS_RAW, MENTIONS_UNIQUE, MENTIONS_MATCHED, ORG_STATS,
      ALERTS, RULES, INGEST_CURSORS, DEADLETTER);

  private Topics() {}
}
