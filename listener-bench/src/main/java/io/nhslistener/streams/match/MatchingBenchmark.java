package io.nhslistener.streams.match;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.Watch;
import io.nhslistener.streams.match.workload.MentionGenerator;
import io.nhslistener.streams.match.workload.RuleGenerator;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching one mention against every live rule ({@link MentionMatcher#match}): candidate gate, Monitor presearch,
 * running the candidates with highlights, grouping by organisation. The rules are {@link RuleGenerator}'s realistic
 * watchlist ({@code rules} rules over {@code rules × 0.65} organisations: 10,000 rules is 6,500 organisations) and the
 * mentions {@link MentionGenerator}'s NHS talk (20,000, cycled). Sentiment is a constant here: the scorer has its own
 * benchmark. One thread: the figure is per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class MatchingBenchmark {
  private static final Sentiment NEUTRAL = new Sentiment(0, SentimentLabel.NEUTRAL);
  private static final int MENTIONS = 20_000;

  /** {@link Presearchers#named}: multipass3, multipass2, term, or none (every rule on every mention). */
  @Param({"multipass3", "multipass2", "term", "none"})
  public String presearcher;

  @Param({"1000", "10000", "50000"})
  public int rules;

  private Matching matching;
  private Mention[] mentions;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    List<Watch> watches = RuleGenerator.generate(rules * 65 / 100, rules, 42);
    mentions = MentionGenerator.generate(MENTIONS, watches, 7).toArray(Mention[]::new);
    matching = Matching.create(Presearchers.named(presearcher), text -> NEUTRAL, new SimpleMeterRegistry());
    matching.rules().putAll(watches);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    matching.close();
  }

  @Benchmark
  public List<MatchedMention> match(CpuClock cpu) {
    Mention mention = mentions[next];
    next = next + 1 == MENTIONS ? 0 : next + 1;
    return matching.matcher().match(mention);
  }
}
