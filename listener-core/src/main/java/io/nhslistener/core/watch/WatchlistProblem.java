package io.nhslistener.core.watch;

/**
 * One thing wrong with a watchlist file.
 *
 * @param orgId id of the organisation at fault, or null when it has none or the problem is about the file
 * @param ruleId id of the rule at fault, or null
 * @param location where, readable: {@code organisations[3].rules[1].query}
 * @param position 1-based character position inside a rule query, or 0
 * @param reason what is wrong
 */
public record WatchlistProblem(String orgId, String ruleId, String location, int position, String reason) {
  /**
   * One line for an operator, e.g.
   * {@code organisation leeds-th, rule name: query at character 12: unexpected ')' [organisations[3].rules[1].query]}.
   */
  public String render() {
    StringBuilder line = new StringBuilder();
    if (orgId != null) {
      line.append("organisation ").append(orgId);
      if (ruleId != null) {
        line.append(", rule ").append(ruleId);
      }
      line.append(": ");
    }
    String field = location.substring(location.lastIndexOf('.') + 1);
    line.append(field);
    if (position > 0) {
      line.append(" at character ").append(position);
    }
    line.append(": ").append(reason).append(" [").append(location).append(']');
    return line.toString();
  }
}
