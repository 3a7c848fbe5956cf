package io.nhslistener.core.watch;

/**
 * One thing wrong with a rule query.
 *
 * @param position 1-based character position in the query where the problem is, or 0 when it concerns the whole query
 * @param reason what is wrong and, where possible, what to write instead
 */
public record QueryProblem(int position, String reason) {
  /** "at character 12: reason", or just the reason for whole-query problems. */
  public String render() {
    return position > 0 ? "at character " + position + ": " + reason : reason;
  }
}
