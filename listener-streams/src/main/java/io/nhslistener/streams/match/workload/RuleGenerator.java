package io.nhslistener.streams.match.workload;

import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A realistic synthetic watchlist for benchmarks: ICBs, trusts and GP practices named after real places, each with a
 * name rule (quoted name, abbreviation, hashtag; practices qualified by their town, some with exclusions), and extra
 * rules spread over the organisations: handles (the implicit {@code handles} rule), proximity rules
 * ({@code "leeds maternity"~3}), topic rules with exclusions and campaign rules (hashtag or phrase). Names repeat
 * across towns as they do in the NHS ("Church Street Surgery"), abbreviations collide, and place names are shared by
 * many rules, so the presearcher faces the same ambiguity as with real watchlists.
 *
 * <p>Deterministic for a given seed. Every query is valid in the rule language.
 */
public final class RuleGenerator {
  private final SplittableRandom random;

  private RuleGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * Generates {@code organisations} watches holding exactly {@code rules} Monitor rules in total (the handles rule
   * included).
   *
   * @throws IllegalArgumentException unless {@code 1 <= organisations <= rules <= 5 * organisations}
   */
  public static List<Watch> generate(int organisations, int rules, long seed) {
    if (organisations < 1 || rules < organisations || rules > 5 * organisations) {
      throw new IllegalArgumentException("need 1 <= organisations <= rules <= 5 x organisations, got "
          + organisations + " organisations and " + rules + " rules");
    }
    return new RuleGenerator(seed).watches(organisations, rules);
  }

  private List<Watch> watches(int organisations, int rules) {
    List<Draft> drafts = new ArrayList<>(organisations);
    for (int i = 0; i < organisations; i++) {
      drafts.add(draft(i));
    }
    // Extras go round the kinds, each to an organisation that lacks that kind, so rule ids stay unique.
    int extras = rules - organisations;
    for (int e = 0; e < extras; e++) {
      Kind kind = Kind.values()[e % Kind.values().length];
      Draft draft = drafts.get(random.nextInt(organisations));
      while (draft.has(kind)) {
        draft = drafts.get(random.nextInt(organisations));
      }
      draft.add(kind, this);
    }
    return drafts.stream().map(Draft::toWatch).toList();
  }

  private Draft draft(int index) {
    String place = pick(Vocabulary.PLACES);
    int roll = random.nextInt(100);
    Draft draft;
    if (roll < 2) {
      draft = new Draft(index, "NHS " + place + " Integrated Care Board", OrgType.ICB, place);
      draft.rules.add(rule("name", quoted(place + " ICB") + " OR " + quoted(place + " Integrated Care Board") + " OR #"
          + place + "ICB"));
    } else if (roll < 12) {
      String qualifier = pick(Vocabulary.QUALIFIERS);
      String name = (qualifier.isEmpty() ? "" : qualifier + " ") + place + " " + pick(Vocabulary.TRUST_KINDS);
      draft = new Draft(index, name, OrgType.TRUST, place);
      String shortName = name.replace(" NHS Foundation Trust", "").replace(" NHS Trust", "");
      String abbreviation = abbreviation(name);
      String query = quoted(shortName) + (abbreviation.length() >= 3 ? " OR " + abbreviation : "") + " OR #"
          + camel(shortName);
      draft.rules.add(rule("name", random.nextInt(4) == 0 ? "(" + query + ") -jobs -vacancy" : query));
    } else {
      String name = (random.nextBoolean() ? pick(Vocabulary.STREETS) : place) + " " + pick(Vocabulary.PRACTICE_KINDS);
      draft = new Draft(index, name, OrgType.OTHER, place);
      String query = quoted(name) + " AND (" + place + " OR #" + place + ")";
      draft.rules.add(rule("name", random.nextInt(3) == 0 ? query + " -jobs" : query));
    }
    return draft;
  }

  private WatchRule proximity(Draft draft) {
    return rule("nearby", quoted(draft.place + " " + pick(Vocabulary.SERVICES)) + "~3");
  }

  private WatchRule topic(Draft draft) {
    String topics = pick(Vocabulary.TOPIC_WORDS) + " OR " + pick(Vocabulary.TOPIC_WORDS) + " OR "
        + quoted(pick(Vocabulary.SERVICES));
    return rule("topic", "(" + draft.place + " OR #" + draft.place + ") AND (" + topics + ") -jobs -recruitment");
  }

  private WatchRule campaign(Draft draft) {
    String service = pick(Vocabulary.SERVICES);
    return rule("campaign", "#Save" + draft.place + camel(service) + " OR " + quoted("save " + draft.place + " "
        + service));
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static WatchRule rule(String id, String query) {
    return new WatchRule(id, query, List.of(), List.of());
  }

  private static String quoted(String phrase) {
    return "\"" + phrase + "\"";
  }

  /** Initials of the significant words: "Leeds Teaching Hospitals NHS Trust" is LTHT. */
  static String abbreviation(String name) {
    StringBuilder initials = new StringBuilder();
    for (String word : name.split(" ")) {
      if (!word.isEmpty() && !List.of("NHS", "and", "of", "the").contains(word)) {
        initials.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return initials.toString();
  }

  /** Letters and digits of each word, capitalised and joined: "children's ward" is ChildrensWard. */
  static String camel(String phrase) {
    StringBuilder out = new StringBuilder();
    for (String word : phrase.split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return out.toString();
  }

  /** Kinds of extra rule. */
  private enum Kind {
    HANDLES, PROXIMITY, TOPIC, CAMPAIGN
  }

  /** An organisation being generated. */
  private static final class Draft {
    final int index;
    final String name;
    final OrgType type;
    final String place;
    final List<WatchRule> rules = new ArrayList<>();
    final List<String> handles = new ArrayList<>();
    final boolean[] kinds = new boolean[Kind.values().length];

    Draft(int index, String name, OrgType type, String place) {
      this.index = index;
      this.name = name;
      this.type = type;
      this.place = place;
    }

    boolean has(Kind kind) {
      return kinds[kind.ordinal()];
    }

    void add(Kind kind, RuleGenerator generator) {
      kinds[kind.ordinal()] = true;
      switch (kind) {
        case HANDLES -> handles.add("@" + camel(name).substring(0, Math.min(15, camel(name).length())));
        case PROXIMITY -> rules.add(generator.proximity(this));
        case TOPIC -> rules.add(generator.topic(this));
        case CAMPAIGN -> rules.add(generator.campaign(this));
        default -> throw new IllegalStateException("unknown rule kind " + kind);
      }
    }

    Watch toWatch() {
      String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
      String id = (slug.length() > 50 ? slug.substring(0, 50) : slug) + "-" + index;
      return Watch.of(new Organisation(id, name, type, null, handles), rules, List.of(), null);
    }
  }
}
