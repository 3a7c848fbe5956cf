package io.nhslistener.ingest.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class XRulesTest {
  @Test
  void keywordsArePlainTermsAndPhrasesOfWatchRules() {
    Watch watch = Watch.of(new Organisation("leeds-th", "Leeds Teaching Hospitals", OrgType.values()[0], null, null),
        List.of(new WatchRule("name", "\"Leeds Teaching Hospitals\" OR LTHT", null, null),
            new WatchRule("ae", "(LGI AND \"A&E\") NOT lang:fr", null, null)), null, null);
    assertEquals(List.of("Leeds Teaching Hospitals", "LTHT", "LGI", "A&E"), XRules.keywords(List.of(watch)));
  }

  @Test
  void keywordsArePackedIntoRulesWithinTheLengthLimit() {
    List<String> keywords = Collections.nCopies(60, "Airedale General Hospital");
    List<String> rules = XRules.ruleValues(keywords);
    assertTrue(rules.size() > 1);
    rules.forEach(rule -> assertTrue(rule.length() <= XRules.MAX_RULE_LENGTH, rule.length() + " characters"));
    assertEquals("(\"a\" OR \"b\")", XRules.ruleValues(List.of("a", "b")).get(0));
  }
}
