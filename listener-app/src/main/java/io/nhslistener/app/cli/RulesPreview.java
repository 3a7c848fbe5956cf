package io.nhslistener.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nhslistener.app.process.RulesTopicReader;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.model.MatchedMention;
import io.nhslistener.core.model.Mention;
import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Organisation;
import io.nhslistener.core.model.Sentiment;
import io.nhslistener.core.model.SentimentLabel;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import io.nhslistener.core.serde.Json;
import io.nhslistener.core.text.SocialTextAnalyzer;
import io.nhslistener.core.watch.ParsedQuery;
import io.nhslistener.core.watch.QueryProblem;
import io.nhslistener.core.watch.RuleQueryParser;
import io.nhslistener.streams.match.Matching;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code listener rules preview}: runs a draft query, an organisation's live rules, or both, over archived or recent
 * mentions, and prints every match with its terms highlighted, the matches per hour and the match rate; with
 * {@code --json}, one object per match and a summary object. Nothing is published.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
    description = {"Runs a draft query (--query), an organisation's live rules (--org), or both (the draft is rule",
        "'draft' next to the live ones), over mentions from a JSONL file or the last N records of a topic, and prints",
        "each match with its matched terms [[highlighted]], then matches per hour and the match rate."})
public final class RulesPreview implements Callable<Integer> {
  /** Organisation id a draft query runs under when no --org is given. */
  static final String DRAFT = "draft";
  /** Sentiment is not part of a preview; the matcher needs one, so it gets a constant rather than scoring text. */
  private static final Sentiment UNSCORED = new Sentiment(0, SentimentLabel.NEUTRAL);

  @Spec CommandSpec spec;
  @Mixin RulesCommand.ClusterOptions cluster;

  @Option(names = "--query", paramLabel = "QUERY", description = "A draft rule query")
  String query;

  @Option(names = "--org", paramLabel = "ID", description = "An organisation whose live rules to run")
  String orgId;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(names = "--json", description = "One JSON object per match, then a summary object")
  boolean json;

  /** Where the mentions come from. */
  static final class Input {
    @Option(names = "--file", paramLabel = "MENTIONS.jsonl", description = "One Mention JSON object per line")
    Path file;

    @ArgGroup(exclusive = false)
    Tail tail;
  }

  /** The most recent records of a topic. */
  static final class Tail {
    @Option(names = "--topic", required = true, paramLabel = "NAME",
        description = "A mention topic: listener.mentions.unique or listener.mentions.raw")
    String topic;

    @Option(names = "--last", required = true, paramLabel = "N", description = "How many of its latest records")
    int last;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (query == null && orgId == null) {
      err.println("rules preview: give --query, --org or both");
      return ExitCodes.INVALID_CONFIG;
    }
    ListenerConfig config = cluster.config();
    List<Watch> watches = new ArrayList<>();
    if (!rulesToRun(config, watches, err)) {
      return ExitCodes.FAILURE;
    }
    List<Mention> mentions;
    try {
      mentions = input.file != null
          ? MentionArchive.read(input.file, err)
          : TopicTail.read(cluster.kafka(config), input.tail.topic, input.tail.last, err);
    } catch (IllegalArgumentException e) {
      err.println("rules preview: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    PreviewReport report = new PreviewReport(new SocialTextAnalyzer());
    try (Matching matching = Matching.create(text -> UNSCORED, new SimpleMeterRegistry())) {
      matching.rules().putAll(watches);
      for (Mention mention : mentions) {
        List<MatchedMention> matched = matching.matcher().match(mention);
        report.add(mention, matched);
        for (MatchedMention match : matched) {
          out.println(json ? jsonLine(match) : report.line(match));
        }
      }
    }
    if (json) {
      out.println(Json.mapper().writeValueAsString(report.summary()));
    } else {
      report.printSummary(out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Fills {@code watches} with what to run; false (after saying why) when there is nothing valid to run. */
  private boolean rulesToRun(ListenerConfig config, List<Watch> watches, PrintWriter err) {
    Watch live = null;
    if (orgId != null) {
      live = RulesTopicReader.read(cluster.kafka(config)).get(orgId);
      if (live == null) {
        err.println("rules preview: organisation " + orgId + " is not live on listener.rules");
        return false;
      }
    }
    if (query == null) {
      watches.add(live);
      return true;
    }
    ParsedQuery parsed = new RuleQueryParser(new SocialTextAnalyzer()).parse(query);
    for (QueryProblem problem : parsed.problems()) {
      err.println("query " + problem.render());
    }
    if (!parsed.isValid()) {
      return false;
    }
    List<WatchRule> rules = new ArrayList<>();
    if (live != null) {
      live.rules().stream().filter(r -> !r.id().equals(DRAFT)).forEach(rules::add);
    }
    rules.add(new WatchRule(DRAFT, query, List.of(), List.of()));
    Organisation org = live != null ? live.org()
        : new Organisation(DRAFT, "Draft query", OrgType.OTHER, null, List.of());
    watches.add(Watch.of(org, rules, List.of(), null));
    return true;
  }

  private static String jsonLine(MatchedMention match) throws JsonProcessingException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", match.mention().id());
    line.put("orgId", match.orgId());
    line.put("ruleIds", match.ruleIds());
    line.put("terms", match.terms());
    return Json.mapper().writeValueAsString(line);
  }

  /** Matches per hour and the match rate, and the highlighted text line of one match. */
  static final class PreviewReport {
    private final SocialTextAnalyzer analyzer;
    private final Map<Instant, Integer> perHour = new TreeMap<>();
    private int mentions;
    private int matchedMentions;
    private int matches;

    PreviewReport(SocialTextAnalyzer analyzer) {
      this.analyzer = analyzer;
    }

    void add(Mention mention, List<MatchedMention> matched) {
      mentions++;
      matches += matched.size();
      if (!matched.isEmpty()) {
        matchedMentions++;
        perHour.merge(mention.createdAt().truncatedTo(ChronoUnit.HOURS), 1, Integer::sum);
      }
    }

    String line(MatchedMention match) {
      Mention mention = match.mention();
      return mention.createdAt().truncatedTo(ChronoUnit.SECONDS) + "  " + mention.id() + "  " + match.orgId() + " "
          + match.ruleIds() + "  " + Highlighter.highlight(analyzer, mention.text(), match.terms());
    }

    double matchRate() {
      return mentions == 0 ? 0 : (double) matchedMentions / mentions;
    }

    Map<String, Object> summary() {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("summary", true);
      summary.put("mentions", mentions);
      summary.put("matched", matchedMentions);
      summary.put("matches", matches);
      summary.put("matchRate", matchRate());
      Map<String, Integer> hours = new LinkedHashMap<>();
      perHour.forEach((hour, count) -> hours.put(hour.toString(), count));
      summary.put("perHour", hours);
      return summary;
    }

    void printSummary(PrintWriter out) {
      out.println("matches per hour (UTC):");
      perHour.forEach((hour, count) -> out.printf("  %s  %d%n", hour, count));
      out.printf("matched %d of %d mentions (%.1f%%), %d matches%n", matchedMentions, mentions, 100 * matchRate(),
          matches);
    }
  }
}
