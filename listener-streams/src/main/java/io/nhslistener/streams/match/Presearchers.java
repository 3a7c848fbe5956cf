package io.nhslistener.streams.match;

import io.nhslistener.core.text.MentionFields;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;

/**
 * The presearchers matching can run with. {@link #standard()} is the one the streams role uses; the others exist to
 * measure it against (see {@code docs/performance.md}, section Matching).
 */
public final class Presearchers {
  /**
   * Term weights: longer terms first (Lucene's default), and never a {@code lang:} or {@code source:} term when a rule
   * has anything else to offer, since nearly every mention carries one of a handful of those values.
   */
  static final TermWeightor WEIGHTOR = TermWeightor.combine(TermWeightor.DEFAULT,
      TermWeightor.fieldWeightor(0.01, Set.of(MentionFields.LANG, MentionFields.SOURCE)));

  private Presearchers() {}

  /** The presearcher chosen by measurement. */
  public static Presearcher standard() {
    return termFiltered();
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
