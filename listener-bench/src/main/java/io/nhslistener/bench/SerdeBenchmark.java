package io.nhslistener.bench;

import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.WindowStats;
import io.nhslistener.core.serde.JsonSerde;
import io.nhslistener.core.topic.Topics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON serdes of the topic catalogue on realistic records: what every stage pays per record it reads and writes.
 * A raw mention is read by dedupe and matching and written by ingest and dedupe; a matched mention (the mention
 * nested, with organisation, rules, terms and sentiment) is written by matching and read by windows; window
 * statistics are written by windows and read by detection. Each operation is one record; inputs cycle through 1,000
 * different records so that no branch or string is always the same. The {@code …Mapper} variants run the same
 * records through the data-binding mapper alone ({@code new JsonSerde<>(type)}), the path the catalogue's mention
 * serdes take only for unusual input since they got a hand-written fast path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerdeBenchmark {
  private static final int RECORDS = 1_000;
  private static final String TOPIC = "t";

  private final Serde<Mention> mentionSerde = Topics.MENTIONS_RAW.valueSerde();
  private final Serde<MatchedMention> matchedSerde = Topics.MENTIONS_MATCHED.valueSerde();
  private final Serde<WindowStats> statsSerde = Topics.ORG_STATS.valueSerde();
  private final Serde<Mention> mentionMapper = new JsonSerde<>(Mention.class);
  private final Serde<MatchedMention> matchedMapper = new JsonSerde<>(MatchedMention.class);
  private Mention[] mentions;
  private byte[][] mentionBytes;
  private MatchedMention[] matched;
  private byte[][] matchedBytes;
  private WindowStats stats;
  private byte[] statsBytes;
  private int next;

  @Setup
  public void setUp() {
    List<Mention> generated = BenchData.mentions(RECORDS);
    mentions = generated.toArray(Mention[]::new);
    matched = BenchData.matched(generated).toArray(MatchedMention[]::new);
    mentionBytes = new byte[RECORDS][];
    matchedBytes = new byte[RECORDS][];
    for (int i = 0; i < RECORDS; i++) {
      mentionBytes[i] = mentionSerde.serializer().serialize(TOPIC, mentions[i]);
      matchedBytes[i] = matchedSerde.serializer().serialize(TOPIC, matched[i]);
    }
    stats = BenchData.windowStats(generated);
    statsBytes = statsSerde.serializer().serialize(TOPIC, stats);
  }

  private int index() {
    next = next + 1 == RECORDS ? 0 : next + 1;
    return next;
  }

  @Benchmark
  public byte[] mentionWrite() {
    return mentionSerde.serializer().serialize(TOPIC, mentions[index()]);
  }

  @Benchmark
  public Mention mentionRead() {
    return mentionSerde.deserializer().deserialize(TOPIC, mentionBytes[index()]);
  }

  @Benchmark
  public byte[] matchedWrite() {
    return matchedSerde.serializer().serialize(TOPIC, matched[index()]);
  }

  @Benchmark
  public MatchedMention matchedRead() {
    return matchedSerde.deserializer().deserialize(TOPIC, matchedBytes[index()]);
  }

  @Benchmark
  public byte[] mentionWriteMapper() {
    return mentionMapper.serializer().serialize(TOPIC, mentions[index()]);
  }

  @Benchmark
  public Mention mentionReadMapper() {
    return mentionMapper.deserializer().deserialize(TOPIC, mentionBytes[index()]);
  }

  @Benchmark
  public byte[] matchedWriteMapper() {
    return matchedMapper.serializer().serialize(TOPIC, matched[index()]);
  }

  @Benchmark
  public MatchedMention matchedReadMapper() {
    return matchedMapper.deserializer().deserialize(TOPIC, matchedBytes[index()]);
  }

  @Benchmark
  public byte[] windowStatsWrite() {
    return statsSerde.serializer().serialize(TOPIC, stats);
  }

  @Benchmark
  public WindowStats windowStatsRead() {
    return statsSerde.deserializer().deserialize(TOPIC, statsBytes);
  }
}
