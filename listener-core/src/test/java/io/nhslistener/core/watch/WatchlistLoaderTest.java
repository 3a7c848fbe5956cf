package io.nhslistener.core.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.AlertSettings;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.QuietHours;
import io.nhslistener.core.model.RouteSelection;
import io.nhslistener.core.model.Severity;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import io.nhslistener.core.text.SocialTextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchlistLoaderTest {
  private static final RuleQueryParser PARSER = new RuleQueryParser(new SocialTextAnalyzer());

  private static final String VALID = """
      organisations:
        - id: west-yorkshire-icb
          name: NHS West Yorkshire Integrated Care Board
          type: icb
          rules:
            - id: name
              query: '"West Yorkshire ICB" OR #WestYorkshireICB'
        - id: leeds-th
          name: Leeds Teaching Hospitals NHS Trust
          type: trust
          parent: west-yorkshire-icb
          handles: ["@LeedsHospitals"]
          rules:
            - id: name
              query: '"Leeds Teaching Hospitals" OR LTHT'
            - id: welsh
              query: ysbyty
              languages: [cy]
              sources: [mastodon, rss]
          alerting:
            sensitivity: 1.5
            minVolume: 10
            quietHours: {from: '22:00', to: '07:00', zone: Europe/London}
            escalateToParent: true
          routes:
            - comms-slack
            - {route: oncall-email, minSeverity: high}
      """;

  @Test
  void readsAValidWatchlistIntoWatchRecords() {
    LoadedWatchlist loaded = new WatchlistLoader(PARSER, Set.of("comms-slack", "oncall-email")).parse(VALID);
    assertEquals(List.of(), loaded.problems());
    assertEquals(2, loaded.watches().size());
    Watch leeds = loaded.watches().get(1);
    assertEquals("leeds-th", leeds.orgId());
    assertEquals(OrgType.TRUST, leeds.org().type());
    assertEquals("west-yorkshire-icb", leeds.org().parent());
    assertEquals(List.of("@LeedsHospitals"), leeds.org().handles());
    assertEquals(new WatchRule("welsh", "ysbyty", List.of("cy"), List.of("mastodon", "rss")), leeds.rules().get(1));
    assertEquals(new AlertSettings(1.5, 10,
        new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), "Europe/London"), true), leeds.alerting());
    assertEquals(List.of(new RouteSelection("comms-slack", Severity.LOW),
        new RouteSelection("oncall-email", Severity.HIGH)), leeds.routes());
    assertEquals(AlertSettings.DEFAULTS, loaded.watches().get(0).alerting());
  }

  @Test
  void reportsEveryProblemWithOrganisationRuleAndPosition() {
    String invalid = """
        organisations:
          - id: Bad_Id
            name: Bad
            type: trust
          - id: leeds-th
            name: Leeds
            type: hospital
            parent: nowhere
            handles: [LeedsHospitals]
            colour: blue
            rules:
              - id: name
                query: 'leeds AND (ward OR)'
              - id: name
                query: 'nhs and leeds'
              - id: handles
                query: nhs
              - id: lang
                query: nhs
                languages: [english]
            alerting:
              sensitivity: 11
              quietHours: {from: '25:00', to: '07:00', zone: Mars/Olympus}
            routes: [nowhere-route]
          - id: leeds-th
            name: Again
            type: trust
        """;
    LoadedWatchlist loaded = new WatchlistLoader(PARSER, Set.of("comms-slack")).parse(invalid);
    List<String> rendered = loaded.problems().stream().map(WatchlistProblem::render).toList();
    assertEquals(List.of(
        "id: 'Bad_Id' must be 1-64 characters of a-z, 0-9 and '-', starting with a letter or digit "
            + "[organisations[0].id]",
        "organisation leeds-th: colour: unknown key; expected one of alerting, handles, id, name, parent, routes, "
            + "rules, type [organisations[1].colour]",
        "organisation leeds-th: type: 'hospital' is not one of trust, icb, gp-federation, region, national, other "
            + "[organisations[1].type]",
        "organisation leeds-th: handles[0]: 'LeedsHospitals' is not a handle: write it with its @, e.g. @NHSEngland "
            + "or @trust.bsky.social [organisations[1].handles[0]]",
        "organisation leeds-th, rule name: query at character 19: unexpected ')' [organisations[1].rules[0].query]",
        "organisation leeds-th, rule name: id: duplicate rule id in this organisation [organisations[1].rules[1].id]",
        "organisation leeds-th, rule name: query at character 5: lower-case 'and' is searched as a word; write AND "
            + "for the operator, or \"and\" to search the word [organisations[1].rules[1].query]",
        "organisation leeds-th, rule handles: id: 'handles' is reserved for the rule made from the organisation's "
            + "handles; choose another id [organisations[1].rules[2].id]",
        "organisation leeds-th, rule lang: languages[0]: 'english' is not a two-letter ISO 639-1 code such as en or "
            + "cy [organisations[1].rules[3].languages[0]]",
        "organisation leeds-th: sensitivity: '11' must be a number in (0, 10] [organisations[1].alerting.sensitivity]",
        "organisation leeds-th: from: '25:00' is not a time: write it in quotes as HH:mm, e.g. '22:00' "
            + "[organisations[1].alerting.quietHours.from]",
        "organisation leeds-th: zone: 'Mars/Olympus' is not a time zone id (e.g. Europe/London) "
            + "[organisations[1].alerting.quietHours.zone]",
        "organisation leeds-th: routes[0]: route 'nowhere-route' is not defined under routes: in the configuration "
            + "(defined: comms-slack) [organisations[1].routes[0]]",
        "organisation leeds-th: id: duplicate organisation id (first at organisations[1]) [organisations[2].id]",
        "organisation leeds-th: parent: parent 'nowhere' is not an organisation of this watchlist "
            + "[organisations[1].parent]"),
        rendered);
    assertTrue(loaded.watches().isEmpty(), "an invalid watchlist yields no organisations to publish");
  }

  @Test
  void duplicateOrganisationsAndParentCyclesAreReported() {
    String yaml = """
        organisations:
          - {id: a, name: A, type: icb, parent: b}
          - {id: b, name: B, type: icb, parent: a}
          - {id: a, name: A again, type: trust}
          - {id: c, name: C, type: trust, parent: missing}
        """;
    List<String> rendered = new WatchlistLoader(PARSER, null).parse(yaml).problems().stream()
        .map(WatchlistProblem::render).toList();
    assertEquals(List.of(
        "organisation a: id: duplicate organisation id (first at organisations[0]) [organisations[2].id]",
        "organisation a: parent: parents form a cycle through 'a' [organisations[0].parent]",
        "organisation b: parent: parents form a cycle through 'b' [organisations[1].parent]",
        "organisation c: parent: parent 'missing' is not an organisation of this watchlist "
            + "[organisations[3].parent]"), rendered);
  }

  @Test
  void unreadableAndMalformedFilesAreProblemsNotExceptions(@TempDir Path dir) throws Exception {
    WatchlistLoader loader = new WatchlistLoader(PARSER, null);
    assertTrue(loader.load(dir.resolve("absent.yaml")).problems().get(0).reason().startsWith("cannot read"));
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "organisations: [\n  - {id: a\n");
    assertTrue(loader.load(broken).problems().get(0).reason().startsWith("not valid YAML"));
    assertEquals("expected a list of organisations",
        loader.parse("organisations: 3").problems().get(0).reason());
  }
}
