package io.nhslistener.core.watch;

import io.nhslistener.core.text.MentionFields;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Parses the rule language of {@code docs/rules.md}: Lucene's classic query syntax over {@link MentionFields#TEXT}
 * with the social-text analyzer, restricted to what a keyword rule needs and what the matcher can run efficiently.
 *
 * <p>Reports every problem it can find in one pass, each with its character position: unknown fields, fuzzy terms,
 * regular expressions, ranges, wildcards and prefixes with fewer than {@value #MIN_PREFIX} literal characters before the
 * first wildcard, lower-case {@code and}/{@code or}/{@code not} (searched as words, almost always a mistake), AND and
 * OR mixed in one group without brackets (Lucene's reading of that surprises everyone), terms with nothing searchable in
 * them, and groups made only of exclusions (which match nothing). A syntax error stops the parse, so it is reported
 * alone.
 *
 * <p>Words separated by spaces are alternatives ({@code OR}), as in Lucene; a term that analyses to several words
 * ({@code NHS-England}) becomes a phrase. Each call is independent; instances are immutable and thread-safe.
 */
public final class RuleQueryParser {
  /** Fewest literal characters before the first {@code *} or {@code ?} of a wildcard or prefix term. */
  public static final int MIN_PREFIX = 3;

  private static final Set<String> WORD_OPERATORS = Set.of("and", "or", "not");
  private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

  private final Analyzer analyzer;

  /** @param analyzer the analyzer the matcher indexes mentions with, normally the social-text analyzer */
  public RuleQueryParser(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Parses and checks {@code query}; never throws for bad input. */
  public ParsedQuery parse(String query) {
    if (query == null || query.isBlank()) {
      return new ParsedQuery(null, List.of(new QueryProblem(0, "the query is empty")));
    }
    CheckingParser parser = new CheckingParser(query, analyzer);
    Query parsed;
    try {
      parsed = parser.parse(query);
    } catch (ParseException e) {
      return new ParsedQuery(null, List.of(syntaxProblem(query, e)));
    } catch (IndexSearcher.TooManyClauses e) {
      return new ParsedQuery(null, List.of(new QueryProblem(0, "the query has too many terms (at most "
          + IndexSearcher.getMaxClauseCount() + ")")));
    }
    List<QueryProblem> problems = new ArrayList<>(parser.problems);
    mixedOperators(query, problems);
    if (problems.isEmpty()) {
      checkStructure(parsed, problems);
    }
    return problems.isEmpty() ? new ParsedQuery(parsed, List.of()) : new ParsedQuery(null, problems);
  }

  private static void checkStructure(Query query, List<QueryProblem> problems) {
    if (!hasPositiveTerm(query)) {
      problems.add(new QueryProblem(0, "the query matches nothing: it has no word to look for"));
      return;
    }
    if (hasExclusionOnlyGroup(query)) {
      problems.add(new QueryProblem(0, "a group made only of exclusions matches nothing: write what to look for "
          + "next to it, e.g. nhs -jobs or nhs AND NOT jobs"));
    }
  }

  private static boolean hasExclusionOnlyGroup(Query query) {
    if (query instanceof BoostQuery boost) {
      return hasExclusionOnlyGroup(boost.getQuery());
    }
    if (!(query instanceof BooleanQuery group)) {
      return false;
    }
    return isOnlyExclusions(group)
        || group.clauses().stream().anyMatch(clause -> hasExclusionOnlyGroup(clause.getQuery()));
  }

  /**
   * Reports a group that uses both AND and OR without brackets: the classic parser reads {@code a OR b AND c} as
   * {@code a +b +c} (b and c required, a optional), which is never what the author meant.
   */
  private static void mixedOperators(String query, List<QueryProblem> problems) {
    Deque<OperatorsSeen> groups = new ArrayDeque<>();
    groups.push(new OperatorsSeen());
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        int close = query.indexOf('"', i + 1);
        i = close < 0 ? query.length() : close + 1;
      } else if (c == '(') {
        groups.push(new OperatorsSeen());
        i++;
      } else if (c == ')') {
        if (groups.size() > 1) {
          groups.pop();
        }
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        int end = wordEnd(query, i);
        if (groups.peek().see(query.substring(i, end))) {
          problems.add(new QueryProblem(i + 1, "AND and OR are mixed without brackets, which Lucene reads as all "
              + "AND-ed terms required and the OR-ed ones optional; add brackets, e.g. (a OR b) AND c"));
        }
        i = end;
      }
    }
  }

  private static int wordEnd(String query, int start) {
    int end = start;
    while (end < query.length() && !Character.isWhitespace(query.charAt(end))
        && "()\"".indexOf(query.charAt(end)) < 0) {
      end++;
    }
    return Math.max(end, start + 1);
  }

  /** The boolean operators met so far in one bracketed group. */
  private static final class OperatorsSeen {
    private boolean and;
    private boolean or;
    private boolean reported;

    /** Notes {@code word}; true the first time it makes the group mix AND and OR. */
    boolean see(String word) {
      and |= word.equals("AND") || word.equals("&&");
      or |= word.equals("OR") || word.equals("||");
      if (and && or && !reported) {
        reported = true;
        return true;
      }
      return false;
    }
  }

  private static boolean isOnlyExclusions(BooleanQuery group) {
    return !group.clauses().isEmpty()
        && group.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
  }

  private static boolean hasPositiveTerm(Query query) {
    boolean[] found = new boolean[1];
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }

      @Override
      public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
        found[0] |= terms.length > 0;
      }

      @Override
      public void visitLeaf(Query q) {
        found[0] |= !(q instanceof MatchNoDocsQuery);
      }
    });
    return found[0];
  }

  private static QueryProblem syntaxProblem(String query, ParseException wrapper) {
    Throwable cause = wrapper.getCause();
    if (cause instanceof ParseException e && e.currentToken != null && e.currentToken.next != null) {
      Token bad = e.currentToken.next;
      if (bad.kind == 0) {
        return new QueryProblem(query.length(), "the query ends too early: a quote or bracket is not closed, "
            + "or an operator has nothing after it");
      }
      return new QueryProblem(position(bad), "unexpected '" + bad.image + "'");
    }
    if (cause instanceof TokenMgrError error) {
      Matcher m = LEXICAL_POSITION.matcher(String.valueOf(error.getMessage()));
      int position = m.find() ? Integer.parseInt(m.group(2)) : 0;
      String reason = String.valueOf(error.getMessage()).contains("<EOF>")
          ? "a quote is not closed, or the query ends with a backslash"
          : "unexpected character";
      return new QueryProblem(Math.min(position, query.length()), reason);
    }
    return new QueryProblem(0, "cannot parse: " + wrapper.getMessage());
  }

  /** The classic parser counts a token's column from 0 over the whole query (a single line). */
  private static int position(Token token) {
    return token.beginColumn + 1;
  }

  /** A classic parser that records rule-language problems instead of building unsupported queries. */
  private static final class CheckingParser extends QueryParser {
    private final String text;
    private final List<QueryProblem> problems = new ArrayList<>();

    CheckingParser(String text, Analyzer analyzer) {
      super(MentionFields.TEXT, analyzer);
      this.text = text;
      setSplitOnWhitespace(true);
      setAutoGeneratePhraseQueries(true);
      setAllowLeadingWildcard(false);
      setDefaultOperator(OR_OPERATOR);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
      if (!knownField(field)) {
        return placeholder();
      }
      if (!quoted && WORD_OPERATORS.contains(queryText.toLowerCase(Locale.ROOT))) {
        problem(current(), "lower-case '" + queryText + "' is searched as a word; write "
            + queryText.toUpperCase(Locale.ROOT) + " for the operator, or \"" + queryText + "\" to search the word");
        return placeholder();
      }
      Query query = super.getFieldQuery(field, queryText, quoted);
      if (query == null) {
        problem(current(), "'" + queryText + "' has nothing searchable in it (punctuation and emoji are not indexed)");
        return placeholder();
      }
      return query;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      if (!knownField(field)) {
        return placeholder();
      }
      Query query = super.getFieldQuery(field, queryText, slop);
      if (query == null) {
        problem(current(), "\"" + queryText + "\" has nothing searchable in it");
        return placeholder();
      }
      return query;
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if ("*".equals(field)) {
        problem(current(), "*:* would match every mention; name the words to look for");
        return placeholder();
      }
      if (!knownField(field) || !longEnoughPrefix(termStr)) {
        return placeholder();
      }
      return super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      if (!knownField(field) || !longEnoughPrefix(termStr + "*")) {
        return placeholder();
      }
      return super.getPrefixQuery(field, termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) {
      problem(startOf(termStr), "fuzzy terms (" + termStr + "~) are not supported; for words near each other use a "
          + "quoted phrase with a distance, e.g. \"ward closure\"~3");
      return placeholder();
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) {
      problem(current(), "regular expressions (/" + termStr + "/) are not supported; use a prefix (word*) or "
          + "wildcard (wom?n)");
      return placeholder();
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
        boolean endInclusive) {
      problem(startOf(startInclusive ? "[" : "{"), "ranges ([" + part1 + " TO " + part2 + "]) are not supported");
      return placeholder();
    }

    private boolean knownField(String field) {
      if (MentionFields.QUERYABLE.contains(field)) {
        return true;
      }
      problem(startOf(field + ":"), "unknown field '" + field + "'; fields are text (the default), lang, "
          + "source and domain");
      return false;
    }

    private boolean longEnoughPrefix(String term) {
      int literal = 0;
      while (literal < term.length() && term.charAt(literal) != '*' && term.charAt(literal) != '?') {
        literal++;
      }
      if (literal < MIN_PREFIX) {
        problem(current(), "'" + term + "' needs at least " + MIN_PREFIX + " characters before the first * or ?, "
            + "or it would be tried on every mention");
        return false;
      }
      return true;
    }

    /**
     * Position of the last occurrence of {@code fragment} up to the current token: where a term began when the parser
     * has already consumed its trailing {@code ~} or {@code ]}.
     */
    private int startOf(String fragment) {
      int at = text.lastIndexOf(fragment, Math.max(0, current() - 1));
      return at >= 0 ? at + 1 : current();
    }

    /** Position of the token the parser consumed last: the term being built. */
    private int current() {
      return token == null ? 0 : position(token);
    }

    private void problem(int position, String reason) {
      problems.add(new QueryProblem(position, reason));
    }

    /** Stands in for a rejected term so that parsing goes on and finds the query's other problems. */
    private static Query placeholder() {
      return new MatchNoDocsQuery("rejected term");
    }
  }
}
