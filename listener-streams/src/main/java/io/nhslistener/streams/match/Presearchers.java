package io.nhslistener.streams.match;

import io.nhslistener.core.text.MentionFields;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.util.BytesRef;

/**
 * The presearchers matching can run with. {@link #standard()} is the one the streams role uses; the others exist to
 * measure it against (see {@code docs/performance.md}, section Matching).
 */
public final class Presearchers {
  /**
   * Words shared by many organisations' names, and the everyday vocabulary of NHS talk (services, issues): every
   * listened-to stream is full of them, so a rule indexed under one would be tried on a large share of all mentions.
   * The presearcher indexes a rule under any other term it has (a place, a name, a hashtag, a handle) first.
   */
  static final Set<String> COMMON_WORDS = Set.of(
      // organisation names
      "nhs", "trust", "foundation", "hospital", "hospitals", "teaching", "university", "general", "district",
      "community", "health", "mental", "care", "royal", "infirmary", "medical", "centre", "surgery", "practice",
      "group", "family", "primary", "network", "healthy", "living", "integrated", "board", "icb", "and", "the", "of",
      "street", "road", "lane", "north", "south", "east", "west", "new", "old", "upper", "lower", "central",
      // services
      "ward", "clinic", "nurses", "doctors", "appointment", "parking", "car", "park", "a&e", "staff", "services",
      "patients", "maternity", "cancer", "stroke", "dementia", "outpatients", "pharmacy", "physio", "radiology",
      "cardiology", "dental", "vaccination", "blood", "test", "scan", "discharge", "ambulance", "referral",
      "consultant", "midwives", "children",
      // issues
      "save", "waiting", "strike", "strikes", "cuts", "funding", "closure", "closing", "consultation", "delays",
      "shortage", "winter", "pressures", "covid", "flu", "pay", "government", "junior", "queue", "beds", "waits",
      "list", "merger", "inspection", "cqc", "rating", "outbreak", "norovirus", "corridor", "trolley");

  /**
   * Term weights: longer terms first (Lucene's default), common words ({@link #COMMON_WORDS}) after any other, and a
   * {@code lang:} or {@code source:} term only when a rule has nothing else, since every mention carries one of a
   * handful of those values.
   */
  static final TermWeightor WEIGHTOR = TermWeightor.combine(TermWeightor.DEFAULT,
      TermWeightor.termWeightor(0.2, COMMON_WORDS.stream().map(BytesRef::new).collect(Collectors.toSet())),
      TermWeightor.fieldWeightor(0.01, Set.of(MentionFields.LANG, MentionFields.SOURCE)));

  private Presearchers() {}

  /**
   * The presearcher chosen by measurement: three passes, so that a rule is tried only on mentions holding three of
   * its terms (or all it has). With 10,000 rules it matches about three times as many mentions per second as one pass,
   * for the same memory and under a second more to load the whole rule set (see {@code docs/performance.md}).
   */
  public static Presearcher standard() {
    return multipass(3);
  }

  /** One indexed term per conjunction. */
  public static Presearcher termFiltered() {
    return new TermFilteredPresearcher(WEIGHTOR, handlers(), Set.of());
  }

  /** {@code passes} indexed terms per conjunction, all of which a mention must contain. */
  public static Presearcher multipass(int passes) {
    return new MultipassTermFilteredPresearcher(passes, 0f, WEIGHTOR, handlers(), Set.of());
  }

  /** Every rule runs on every mention: the baseline. */
  public static Presearcher noFiltering() {
    return Presearcher.NO_FILTERING;
  }

  /**
   * A presearcher by name, for benchmarks and tools: {@code term}, {@code multipass2}, {@code multipass3} or
   * {@code none}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Presearcher named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "term" -> termFiltered();
      case "multipass2" -> multipass(2);
      case "multipass3" -> multipass(3);
      case "none" -> noFiltering();
      default -> throw new IllegalArgumentException("unknown presearcher '" + name
          + "': one of term, multipass2, multipass3, none");
    };
  }

  private static List<CustomQueryHandler> handlers() {
    return List.of(new PrefixQueryHandler());
  }
}
