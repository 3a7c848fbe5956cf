package io.nhslistener.ingest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.Mention;
import io.nhslistener.ingest.source.Batch;
import io.nhslistener.ingest.source.Item;
import io.nhslistener.ingest.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SyntheticConnectorTest {
  private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
  private static final List<String> ORGS = List.of("Leeds Teaching Hospitals", "Airedale NHS Foundation Trust");

  private static List<Mention> ticks(SyntheticMentions generator, long from, long to) {
    return LongStream.range(from, to).boxed()
        .flatMap(n -> generator.tick(n, START).stream().map(SyntheticMentions.Generated::mention)).toList();
  }

  @Test
  void sameSeedGivesTheSameMentions() {
    SyntheticMentions a = new SyntheticMentions(7, ORGS, 10, START, List.of());
    SyntheticMentions b = new SyntheticMentions(7, ORGS, 10, START, List.of());
    SyntheticMentions c = new SyntheticMentions(8, ORGS, 10, START, List.of());
    assertEquals(ticks(a, 0, 50), ticks(b, 0, 50));
    assertTrue(!ticks(a, 0, 50).stream().map(Mention::text).toList()
        .equals(ticks(c, 0, 50).stream().map(Mention::text).toList()));
  }

  @Test
  void spikeRaisesVolumeAndNegativityOfItsOrganisationOnly() {
    Spike spike = new Spike("Leeds Teaching Hospitals", Duration.ofSeconds(100), Duration.ofSeconds(100), 6, 0.9);
    SyntheticMentions generator = new SyntheticMentions(3, ORGS, 10, START, List.of(spike));
    List<Mention> before = ticks(generator, 0, 1000);
    List<Mention> during = ticks(generator, 1000, 2000);
    long leedsBefore = before.stream().filter(m -> m.text().contains("Leeds")).count();
    long leedsDuring = during.stream().filter(m -> m.text().contains("Leeds")).count();
    assertTrue(leedsDuring > 2.5 * leedsBefore, leedsBefore + " -> " + leedsDuring);
    long negativeDuring = during.stream().filter(m -> m.text().contains("Leeds"))
        .filter(m -> m.text().matches(".*(shocking|disgrace|Terrible|nightmare).*")).count();
    assertTrue(negativeDuring > 0.7 * leedsDuring, negativeDuring + " of " + leedsDuring);
    assertEquals(START.plusSeconds(100), generator.timeOf(1000));
  }

  @Test
  void pacedConnectorEmitsWhatIsDueAndRestartsWhereItStopped() {
    MutableClock clock = new MutableClock(START);
    SyntheticMentions generator = new SyntheticMentions(1, ORGS, 10, START, List.of());
    SyntheticConnector connector = new SyntheticConnector(generator, true, Long.MAX_VALUE, clock);
    connector.seek(null);
    assertEquals(1, connector.poll().items().size(), "tick 0 is due at the start");
    clock.advance(Duration.ofSeconds(1));
    Batch second = connector.poll();
    assertEquals(10, second.items().size(), "ten ticks a second");
    assertEquals("11", second.position());

    SyntheticConnector restarted = new SyntheticConnector(generator, true, Long.MAX_VALUE, clock);
    restarted.seek("5");
    Mention resumed = ((Item.Post) restarted.poll().items().get(0)).mention();
    assertEquals(generator.tick(5, START).get(0).mention().id(), resumed.id());
  }

  @Test
  void unpacedConnectorFinishesAtItsLimit() {
    SyntheticConnector connector = new SyntheticConnector(new SyntheticMentions(1, ORGS, 10, START, List.of()), false,
        12_000, new MutableClock(START));
    connector.seek(null);
    int total = 0;
    while (!connector.finished()) {
      total += connector.poll().items().size();
    }
    assertEquals(12_000, total);
  }
}
