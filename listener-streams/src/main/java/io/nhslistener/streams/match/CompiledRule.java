package io.nhslistener.streams.match;

import org.apache.lucene.search.Query;

/**
 * One rule of one organisation, ready for the Monitor: its query with the rule's language and source restrictions
 * applied as filters.
 *
 * @param orgId organisation id
 * @param ruleId rule id, unique within the organisation
 * @param query the rule as written
 * @param luceneQuery what the Monitor runs
 */
public record CompiledRule(String orgId, String ruleId, String query, Query luceneQuery) {
  private static final char SEPARATOR = '/';

  /** The Monitor id, {@code <orgId>/<ruleId>}; neither part can contain {@code /}. */
  public String monitorId() {
    return monitorId(orgId, ruleId);
  }

  static String monitorId(String orgId, String ruleId) {
    return orgId + SEPARATOR + ruleId;
  }

  /** The organisation part of a Monitor id. */
  static String orgOf(String monitorId) {
    return monitorId.substring(0, monitorId.indexOf(SEPARATOR));
  }

  /** The rule part of a Monitor id. */
  static String ruleOf(String monitorId) {
    return monitorId.substring(monitorId.indexOf(SEPARATOR) + 1);
  }
}
