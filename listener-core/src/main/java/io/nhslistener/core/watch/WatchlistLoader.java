package io.nhslistener.core.watch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.OrgIds;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.QuietHours;
import io.nhslistener.core.model.RouteSelection;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a watchlist YAML file (format in {@code docs/rules.md}) into {@link Watch} records, reporting
 * every problem at once: structure and unknown keys, ids, organisation types, parents (unknown or cyclic), handles,
 * rule ids, every rule query (with its character position), languages, sources, alert settings, quiet hours and,
 * when the configured route ids are known, routes.
 *
 * <p>Immutable and thread-safe.
 */
public final class WatchlistLoader {
  /** Rule id reserved for the rule generated from an organisation's handles. */
  public static final String HANDLES_RULE_ID = "handles";
  /** What a rule id must look like: it is part of the Monitor id {@code <orgId>/<ruleId>} and of metric-free logs. */
  public static final String RULE_ID_RULE = "must be 1-64 characters of a-z, 0-9, '-' and '_', starting with a "
      + "letter or digit";

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern HANDLE = Pattern.compile("@[A-Za-z0-9_]+([.@][A-Za-z0-9_-]+)*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  private static final Set<String> TOP_KEYS = Set.of("organisations");
  private static final Set<String> ORG_KEYS =
      Set.of("id", "name", "type", "parent", "handles", "rules", "alerting", "routes");
  private static final Set<String> RULE_KEYS = Set.of("id", "query", "languages", "sources");
  private static final Set<String> ALERTING_KEYS = Set.of("sensitivity", "minVolume", "quietHours", "escalateToParent");
  private static final Set<String> QUIET_KEYS = Set.of("from", "to", "zone");
  private static final Set<String> ROUTE_KEYS = Set.of("route", "minSeverity");

  private final RuleQueryParser parser;
  private final Set<String> knownRoutes;

  /**
   * @param parser parses rule queries
   * @param knownRoutes route ids defined under {@code routes:} in {@code listener.yaml}, or null to skip the check
   *     (when validating a watchlist without its configuration)
   */
  public WatchlistLoader(RuleQueryParser parser, Set<String> knownRoutes) {
    this.parser = parser;
    this.knownRoutes = knownRoutes == null ? null : Set.copyOf(knownRoutes);
  }

  /** Reads {@code file}; an unreadable file is reported as a problem, never thrown. */
  public LoadedWatchlist load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      return failed(new WatchlistProblem(null, null, file.toString(), 0, "cannot read the file: " + e));
    }
  }

  /** Validates YAML text. */
  public LoadedWatchlist parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "file" : "line " + e.getLocation().getLineNr();
      return failed(new WatchlistProblem(null, null, where, 0, "not valid YAML: " + e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull() || !root.isObject()) {
      return failed(new WatchlistProblem(null, null, "file", 0, "expected a mapping with 'organisations:'"));
    }
    Problems problems = new Problems();
    unknownKeys(root, TOP_KEYS, "", null, null, problems);
    JsonNode orgs = root.get("organisations");
    if (orgs == null || !orgs.isArray()) {
      problems.add(null, null, "organisations", "expected a list of organisations");
      return new LoadedWatchlist(List.of(), problems.list);
    }
    Map<String, Integer> indexById = new HashMap<>();
    Map<String, String> parentById = new LinkedHashMap<>();
    List<Watch> watches = new ArrayList<>();
    for (int i = 0; i < orgs.size(); i++) {
      String at = "organisations[" + i + "]";
      JsonNode node = orgs.get(i);
      String id = node.path("id").isTextual() ? node.get("id").asText() : null;
      Integer first = id == null ? null : indexById.putIfAbsent(id, i);
      if (first != null) {
        problems.add(id, null, at + ".id", "duplicate organisation id (first at organisations[" + first + "])");
      } else if (id != null) {
        parentById.put(id, node.path("parent").isTextual() ? node.get("parent").asText() : null);
      }
      Watch watch = organisation(node, at, problems);
      if (watch != null && first == null) {
        watches.add(watch);
      }
    }
    checkParents(parentById, indexById, problems);
    return new LoadedWatchlist(problems.list.isEmpty() ? watches : List.of(), problems.list);
  }

  private Watch organisation(JsonNode node, String at, Problems problems) {
    if (!node.isObject()) {
      problems.add(null, null, at, "expected a mapping with id, name, type and rules");
      return null;
    }
    int before = problems.list.size();
    String id = text(node, "id", at, null, null, problems, true);
    if (id != null && !OrgIds.isValid(id)) {
      problems.add(null, null, at + ".id", "'" + id + "' " + OrgIds.RULE);
      id = null;
    }
    String org = id;
    unknownKeys(node, ORG_KEYS, at, org, null, problems);
    String name = text(node, "name", at, org, null, problems, true);
    OrgType type = orgType(node, at, org, problems);
    String parent = text(node, "parent", at, org, null, problems, false);
    List<String> handles = list(node, "handles", at, org, null, problems);
    for (int h = 0; h < handles.size(); h++) {
      if (!HANDLE.matcher(handles.get(h)).matches()) {
        problems.add(org, null, at + ".handles[" + h + "]", "'" + handles.get(h) + "' is not a handle: write it "
            + "with its @, e.g. @NHSEngland or @trust.bsky.social");
      }
    }
    List<WatchRule> rules = rules(node.get("rules"), at + ".rules", org, problems);
    AlertSettings alerting = alerting(node.get("alerting"), at + ".alerting", org, parent != null, problems);
    List<RouteSelection> routes = routes(node.get("routes"), at + ".routes", org, problems);
    if (problems.list.size() > before || id == null) {
      return null;
    }
    return Watch.of(new Organisation(id, name, type, parent, handles), rules, routes, alerting);
  }

  private List<WatchRule> rules(JsonNode node, String at, String org, Problems problems) {
    List<WatchRule> rules = new ArrayList<>();
    if (node == null || node.isNull()) {
      return rules;
    }
    if (!node.isArray()) {
      problems.add(org, null, at, "expected a list of rules, each with id and query");
      return rules;
    }
    Set<String> ids = new HashSet<>();
    for (int r = 0; r < node.size(); r++) {
      String ruleAt = at + "[" + r + "]";
      JsonNode rule = node.get(r);
      if (!rule.isObject()) {
        problems.add(org, null, ruleAt, "expected a mapping with id and query");
        continue;
      }
      String id = text(rule, "id", ruleAt, org, null, problems, true);
      if (id != null && !RULE_ID.matcher(id).matches()) {
        problems.add(org, null, ruleAt + ".id", "'" + id + "' " + RULE_ID_RULE);
        id = null;
      } else if (HANDLES_RULE_ID.equals(id)) {
        problems.add(org, id, ruleAt + ".id", "'" + HANDLES_RULE_ID + "' is reserved for the rule made from the "
            + "organisation's handles; choose another id");
      } else if (id != null && !ids.add(id)) {
        problems.add(org, id, ruleAt + ".id", "duplicate rule id in this organisation");
      }
      unknownKeys(rule, RULE_KEYS, ruleAt, org, id, problems);
      String query = text(rule, "query", ruleAt, org, id, problems, true);
      if (query != null) {
        for (QueryProblem problem : parser.parse(query).problems()) {
          problems.add(new WatchlistProblem(org, id, ruleAt + ".query", problem.position(), problem.reason()));
        }
      }
      List<String> languages = codes(rule, "languages", LANGUAGE, "a two-letter ISO 639-1 code such as en or cy",
          ruleAt, org, id, problems);
      List<String> sources = codes(rule, "sources", SOURCE, "a source type such as mastodon, bluesky, reddit, rss "
          + "or x", ruleAt, org, id, problems);
      if (id != null && query != null) {
        rules.add(new WatchRule(id, query, languages, sources));
      }
    }
    return rules;
  }

  private AlertSettings alerting(JsonNode node, String at, String org, boolean hasParent, Problems problems) {
    if (node == null || node.isNull()) {
      return AlertSettings.DEFAULTS;
    }
    if (!node.isObject()) {
      problems.add(org, null, at, "expected a mapping of alert settings");
      return AlertSettings.DEFAULTS;
    }
    unknownKeys(node, ALERTING_KEYS, at, org, null, problems);
    double sensitivity = AlertSettings.DEFAULT_SENSITIVITY;
    JsonNode s = node.get("sensitivity");
    if (s != null) {
      if (s.isNumber() && s.doubleValue() > 0 && s.doubleValue() <= 10) {
        sensitivity = s.doubleValue();
      } else {
        problems.add(org, null, at + ".sensitivity", "'" + s.asText() + "' must be a number in (0, 10]");
      }
    }
    int minVolume = AlertSettings.DEFAULT_MIN_VOLUME;
    JsonNode v = node.get("minVolume");
    if (v != null) {
      if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0) {
        minVolume = v.intValue();
      } else {
        problems.add(org, null, at + ".minVolume", "'" + v.asText() + "' must be a whole number, 0 or more");
      }
    }
    boolean escalate = false;
    JsonNode e = node.get("escalateToParent");
    if (e != null) {
      if (!e.isBoolean()) {
        problems.add(org, null, at + ".escalateToParent", "'" + e.asText() + "' must be true or false");
      } else if (e.booleanValue() && !hasParent) {
        problems.add(org, null, at + ".escalateToParent", "needs a parent organisation to escalate to");
      } else {
        escalate = e.booleanValue();
      }
    }
    QuietHours quiet = quietHours(node.get("quietHours"), at + ".quietHours", org, problems);
    return new AlertSettings(sensitivity, minVolume, quiet, escalate);
  }

  private QuietHours quietHours(JsonNode node, String at, String org, Problems problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add(org, null, at, "expected from, to and zone");
      return null;
    }
    unknownKeys(node, QUIET_KEYS, at, org, null, problems);
    LocalTime from = time(node, "from", at, org, problems);
    LocalTime to = time(node, "to", at, org, problems);
    String zone = text(node, "zone", at, org, null, problems, true);
    if (zone != null) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException ex) {
        problems.add(org, null, at + ".zone", "'" + zone + "' is not a time zone id (e.g. Europe/London)");
        return null;
      }
    }
    return from == null || to == null || zone == null ? null : new QuietHours(from, to, zone);
  }

  private static LocalTime time(JsonNode node, String key, String at, String org, Problems problems) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      problems.add(org, null, at + "." + key, "is required (a time such as '22:00')");
      return null;
    }
    try {
      if (!value.isTextual()) {
        throw new DateTimeException("not text");
      }
      return LocalTime.parse(value.asText());
    } catch (DateTimeException ex) {
      problems.add(org, null, at + "." + key, "'" + value.asText() + "' is not a time: write it in quotes as HH:mm, "
          + "e.g. '22:00'");
      return null;
    }
  }

  private List<RouteSelection> routes(JsonNode node, String at, String org, Problems problems) {
    List<RouteSelection> routes = new ArrayList<>();
    if (node == null || node.isNull()) {
      return routes;
    }
    if (!node.isArray()) {
      problems.add(org, null, at, "expected a list of routes");
      return routes;
    }
    for (int i = 0; i < node.size(); i++) {
      String routeAt = at + "[" + i + "]";
      JsonNode entry = node.get(i);
      String route;
      Severity minSeverity = null;
      if (entry.isTextual()) {
        route = entry.asText();
      } else if (entry.isObject()) {
        unknownKeys(entry, ROUTE_KEYS, routeAt, org, null, problems);
        route = text(entry, "route", routeAt, org, null, problems, true);
        String severity = text(entry, "minSeverity", routeAt, org, null, problems, false);
        if (severity != null) {
          try {
            minSeverity = Severity.valueOf(severity.toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException ex) {
            problems.add(org, null, routeAt + ".minSeverity", "'" + severity + "' is not one of low, medium, high, "
                + "critical");
          }
        }
      } else {
        problems.add(org, null, routeAt, "expected a route id or a mapping with route and minSeverity");
        continue;
      }
      if (route == null || route.isBlank()) {
        continue;
      }
      if (knownRoutes != null && !knownRoutes.contains(route)) {
        problems.add(org, null, routeAt, "route '" + route + "' is not defined under routes: in the configuration "
            + "(defined: " + String.join(", ", knownRoutes.stream().sorted().toList()) + ")");
      }
      routes.add(new RouteSelection(route, minSeverity));
    }
    return routes;
  }

  private static OrgType orgType(JsonNode node, String at, String org, Problems problems) {
    String type = text(node, "type", at, org, null, problems, true);
    if (type == null) {
      return null;
    }
    try {
      return OrgType.valueOf(type.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      problems.add(org, null, at + ".type", "'" + type + "' is not one of trust, icb, gp-federation, region, "
          + "national, other");
      return null;
    }
  }

  private static void checkParents(Map<String, String> parentById, Map<String, Integer> indexById,
      Problems problems) {
    parentById.forEach((id, parent) -> {
      if (parent == null) {
        return;
      }
      String at = "organisations[" + indexById.get(id) + "].parent";
      if (!parentById.containsKey(parent)) {
        problems.add(id, null, at, "parent '" + parent + "' is not an organisation of this watchlist");
        return;
      }
      Set<String> seen = new HashSet<>();
      String cursor = id;
      while (cursor != null && seen.add(cursor)) {
        cursor = parentById.get(cursor);
      }
      if (cursor != null) {
        problems.add(id, null, at, "parents form a cycle through '" + cursor + "'");
      }
    });
  }

  private static List<String> codes(JsonNode node, String key, Pattern shape, String expected, String at, String org,
      String rule, Problems problems) {
    List<String> values = list(node, key, at, org, rule, problems);
    List<String> valid = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i).trim().toLowerCase(Locale.ROOT);
      if (shape.matcher(value).matches()) {
        valid.add(value);
      } else {
        problems.add(org, rule, at + "." + key + "[" + i + "]", "'" + values.get(i) + "' is not " + expected);
      }
    }
    return valid;
  }

  private static List<String> list(JsonNode node, String key, String at, String org, String rule,
      Problems problems) {
    JsonNode value = node.get(key);
    List<String> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (value.isTextual()) {
      items.add(value.asText());
      return items;
    }
    if (!value.isArray()) {
      problems.add(org, rule, at + "." + key, "expected a list of words");
      return items;
    }
    for (JsonNode item : value) {
      if (!item.isValueNode()) {
        problems.add(org, rule, at + "." + key, "expected a list of words");
        return List.of();
      }
      items.add(item.asText());
    }
    return items;
  }

  private static String text(JsonNode node, String key, String at, String org, String rule, Problems problems,
      boolean required) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        problems.add(org, rule, at + "." + key, "is required");
      }
      return null;
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      problems.add(org, rule, at + "." + key, "expected a non-empty text value");
      return null;
    }
    return value.asText();
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String at, String org, String rule,
      Problems problems) {
    node.fieldNames().forEachRemaining(key -> {
      if (!known.contains(key)) {
        problems.add(org, rule, at.isEmpty() ? key : at + "." + key, "unknown key; expected one of "
            + String.join(", ", known.stream().sorted().toList()));
      }
    });
  }

  private static LoadedWatchlist failed(WatchlistProblem problem) {
    return new LoadedWatchlist(List.of(), List.of(problem));
  }

  /** Collects problems in file order. */
  private static final class Problems {
    private final List<WatchlistProblem> list = new ArrayList<>();

    void add(String org, String rule, String location, String reason) {
      list.add(new WatchlistProblem(org, rule, location, 0, reason));
    }

    void add(WatchlistProblem problem) {
      list.add(problem);
    }
  }
}
