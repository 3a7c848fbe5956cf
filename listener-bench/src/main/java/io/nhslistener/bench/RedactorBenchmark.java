package io.nhslistener.bench;

import io.nhslistener.core.model.Mention;
import io.nhslistener.core.privacy.Redactor;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Text redaction at ingest ({@link Redactor#redact}), one text per operation: {@code clean} on ordinary posts with
 * nothing to redact (almost all traffic: the cost is the scan), {@code withIdentifiers} on posts that each carry an
 * NHS number, a phone number, an e-mail address or a postcode (the cost of finding and replacing).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedactorBenchmark {
  private static final int TEXTS = 1_000;
  private static final List<String> IDENTIFIERS = List.of(" my NHS number is 943 476 5919", " call 07700 900123",
      " write to jo.bloggs@example.org", " I live at LS1 4AP", " ring 0113 496 0000 after 6");

  private String[] clean;
  private String[] withIdentifiers;
  private int next;

  @Setup
  public void setUp() {
    List<Mention> mentions = BenchData.mentions(TEXTS);
    clean = new String[TEXTS];
    withIdentifiers = new String[TEXTS];
    for (int i = 0; i < TEXTS; i++) {
      String text = mentions.get(i).text();
      clean[i] = text;
      int cut = text.length() / 2;
      withIdentifiers[i] = text.substring(0, cut) + IDENTIFIERS.get(i % IDENTIFIERS.size()) + text.substring(cut);
    }
  }

  private int index() {
    next = next + 1 == TEXTS ? 0 : next + 1;
    return next;
  }

  @Benchmark
  public String clean() {
    return Redactor.redact(clean[index()]);
  }

  @Benchmark
  public String withIdentifiers() {
    return Redactor.redact(withIdentifiers[index()]);
  }
}
