package io.nhslistener.ingest.synthetic;

import io.nhslistener.core.model.Engagement;
import io.nhslistener.core.model.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of realistic mentions of NHS organisations: a steady mix of positive, neutral and negative posts
 * spread over the organisations, with injectable {@link Spike}s of volume and negativity. Tick {@code n} always gives
 * the same mentions for the same seed, organisations and spikes, so runs are reproducible and a restarted generator
 * continues exactly. Thread-safe (stateless apart from its configuration).
 *
 * <p>Limits: text comes from templates, so it exercises matching and sentiment but is no substitute for a real corpus;
 * some posts carry made-up personal identifiers on purpose, to exercise redaction.
 */
public final class SyntheticMentions {
  public static final String SOURCE = "synthetic";

  private static final String[] POSITIVE = {
      "Brilliant care from the team at %s today, thank you so much #NHS",
      "Huge thanks to the nurses at %s, kind and professional all night",
      "Quick and friendly service at %s this morning, really impressed",
      "The staff at %s saved my dad's life. Forever grateful ❤️"};
  private static final String[] NEUTRAL = {
      "%s has opened a consultation on changes to outpatient services",
      "Anyone know the visiting hours at %s this week?",
      "%s is moving its phlebotomy clinic to the new building from Monday",
      "Reading the %s board papers on the winter plan"};
  private static final String[] NEGATIVE = {
      "Waited 9 hours in A&E at %s, absolutely shocking",
      "Appointment at %s cancelled for the third time, this is a disgrace",
      "Terrible communication from %s about the ward closure, nobody answers the phone",
      "Parking at %s is a nightmare and the staff are rude, awful experience"};
  private static final String[] IDENTIFIERS = {" my NHS number is 943 476 5919", " call me on 07700 900123",
      " email jo.bloggs@example.org", " I live at LS1 4AP"};

  private final long seed;
  private final List<String> organisations;
  private final List<Spike> spikes;
  private final Instant start;
  private final double ratePerSecond;

  /**
   * @param seed makes the run reproducible
   * @param organisations names that posts mention, e.g. {@code Leeds Teaching Hospitals}
   * @param ratePerSecond normal traffic: ticks per second of event time (one post per tick, more during spikes)
   * @param start event time of tick 0
   */
  public SyntheticMentions(long seed, List<String> organisations, double ratePerSecond, Instant start,
      List<Spike> spikes) {
    if (organisations.isEmpty() || !(ratePerSecond > 0)) {
      throw new IllegalArgumentException("synthetic traffic needs organisations and a positive rate");
    }
    this.seed = seed;
    this.organisations = List.copyOf(organisations);
    this.ratePerSecond = ratePerSecond;
    this.start = start;
    this.spikes = List.copyOf(spikes);
  }

  /** Event time of tick {@code n}. */
  public Instant timeOf(long tick) {
    return start.plusNanos((long) (tick * 1e9 / ratePerSecond));
  }

  /**
   * The posts of one tick: one ordinary post, plus extra posts for every spike in progress. Author handles are
   * returned beside each mention (in {@link Generated}), because pseudonymising them is the runner's job.
   */
  public List<Generated> tick(long n, Instant ingestedAt) {
    Instant at = timeOf(n);
    Duration offset = Duration.between(start, at);
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
    List<Generated> out = new ArrayList<>(2);
    String organisation = organisations.get(random.nextInt(organisations.size()));
    double negative = 0.25;
    for (Spike spike : spikes) {
      if (spike.covers(offset) && spike.organisation().equals(organisation)) {
        negative = spike.negativeShare();
      }
    }
    out.add(generate(n, 0, organisation, negative, at, ingestedAt, random));
    int extra = 1;
    for (Spike spike : spikes) {
      if (spike.covers(offset)) {
        // Extra posts so that the organisation's share grows by volumeFactor over its normal 1/orgs share.
        double expected = (spike.volumeFactor() - 1) / organisations.size();
        int count = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
        for (int k = 0; k < count; k++) {
          out.add(generate(n, extra++, spike.organisation(), spike.negativeShare(), at, ingestedAt, random));
        }
      }
    }
    return out;
  }

  private Generated generate(long tick, int index, String organisation, double negativeShare, Instant at,
      Instant ingestedAt, SplittableRandom random) {
    double roll = random.nextDouble();
    String[] templates = roll < negativeShare ? NEGATIVE : roll < negativeShare + 0.3 ? NEUTRAL : POSITIVE;
    String text = String.format(templates[random.nextInt(templates.length)], organisation);
    if (random.nextInt(50) == 0) {
      text += IDENTIFIERS[random.nextInt(IDENTIFIERS.length)];
    }
    String id = SOURCE + ":" + seed + "-" + tick + "-" + index;
    Mention mention = Mention.builder(id, SOURCE, text, at, ingestedAt)
        .url("https://synthetic.invalid/posts/" + seed + "-" + tick + "-" + index)
        .lang("en")
        .engagement(new Engagement(random.nextInt(40), random.nextInt(10), random.nextInt(8)))
        .build();
    return new Generated(mention, "user" + random.nextInt(5_000));
  }

  /** A generated mention (unredacted, without author key) and its made-up author handle. */
  public record Generated(Mention mention, String authorHandle) {}
}
