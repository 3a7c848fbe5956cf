package io.nhslistener.app.cli;

import io.nhslistener.app.config.AppConfig;
import io.nhslistener.app.process.RulesTopicReader;
import io.nhslistener.app.process.WatchPublisher;
import io.nhslistener.app.process.Watchlists;
import io.nhslistener.core.config.CoreSettings;
import io.nhslistener.core.config.ListenerConfig;
import io.nhslistener.core.model.Watch;
import io.nhslistener.core.model.WatchRule;
import io.nhslistener.core.text.SocialTextAnalyzer;
import io.nhslistener.core.watch.LoadedWatchlist;
import io.nhslistener.core.watch.RuleQueryParser;
import io.nhslistener.core.watch.WatchlistLoader;
import io.nhslistener.core.watch.WatchlistProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code listener rules validate|apply|list|preview}: the watch-rule lifecycle for ops teams (docs/rules.md). */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Validates, publishes, lists and previews watchlists (organisations and their keyword rules).",
    subcommands = {RulesCommand.Validate.class, RulesCommand.Apply.class, RulesCommand.ListLive.class,
        RulesPreview.class})
public final class RulesCommand {
  /** Where to find the cluster, shared by the subcommands that talk to it. */
  static final class ClusterOptions {
    @Option(names = "--config", paramLabel = "FILE",
        description = "listener.yaml: the Kafka cluster and the route ids a watchlist may name")
    Path configFile;

    ListenerConfig config() {
      return configFile == null ? AppConfig.defaults() : AppConfig.load(configFile);
    }

    Map<String, Object> kafka(ListenerConfig config) {
      Map<String, Object> kafka = new HashMap<>(config.kafka());
      kafka.putIfAbsent("bootstrap.servers",
          config.get(CoreSettings.BROKER_HOST) + ":" + config.get(CoreSettings.BROKER_PORT));
      return kafka;
    }
  }

  /** Loads and validates a watchlist file, printing every problem. */
  static LoadedWatchlist load(Path file, ListenerConfig config, PrintWriter err) {
    LoadedWatchlist loaded = new WatchlistLoader(new RuleQueryParser(new SocialTextAnalyzer()),
        config.section("routes").isEmpty() ? null : Watchlists.routeIds(config)).load(file);
    for (WatchlistProblem problem : loaded.problems()) {
      err.println(problem.render());
    }
    err.flush();
    return loaded;
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Reports every problem of a watchlist (organisation, rule, position in the query, reason); "
          + "exit 1 if any.")
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClusterOptions cluster;
    @Parameters(paramLabel = "FILE", description = "watchlist YAML") Path file;

    @Override
    public Integer call() {
      LoadedWatchlist loaded = load(file, cluster.config(), spec.commandLine().getErr());
      if (!loaded.isValid()) {
        spec.commandLine().getErr().println(loaded.problems().size() + " problem(s) in " + file);
        return ExitCodes.FAILURE;
      }
      int rules = loaded.watches().stream().mapToInt(w -> w.rules().size()).sum();
      spec.commandLine().getOut().printf("%s: %d organisations, %d rules, valid%n", file, loaded.watches().size(),
          rules);
      return ExitCodes.OK;
    }
  }

  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = "Validates a watchlist, then publishes only the organisations that changed to listener.rules "
          + "(tombstones for removed ones) and prints the diff. An invalid file publishes nothing.")
  static final class Apply implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClusterOptions cluster;
    @Parameters(paramLabel = "FILE", description = "watchlist YAML") Path file;

    @Override
    public Integer call() {
      ListenerConfig config = cluster.config();
      LoadedWatchlist loaded = load(file, config, spec.commandLine().getErr());
      if (!loaded.isValid()) {
        spec.commandLine().getErr().println("not applied: " + loaded.problems().size() + " problem(s)");
        return ExitCodes.FAILURE;
      }
      Map<String, Object> kafka = cluster.kafka(config);
      Map<String, Watch> live = RulesTopicReader.read(kafka);
      List<Watch> changed = new ArrayList<>();
      PrintWriter out = spec.commandLine().getOut();
      for (Watch watch : loaded.watches()) {
        Watch current = live.remove(watch.orgId());
        if (!watch.equals(current)) {
          changed.add(watch);
          out.println((current == null ? "+ " : "~ ") + watch.orgId() + "  " + watch.org().name());
        }
      }
      live.keySet().forEach(orgId -> out.println("- " + orgId));
      WatchPublisher.publish(kafka, changed, List.copyOf(live.keySet()));
      out.printf("applied: %d added or changed, %d removed%n", changed.size(), live.size());
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists what is live on listener.rules.")
  static final class ListLive implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClusterOptions cluster;

    @Override
    public Integer call() {
      ListenerConfig config = cluster.config();
      PrintWriter out = spec.commandLine().getOut();
      for (Watch watch : RulesTopicReader.read(cluster.kafka(config)).values()) {
        out.printf("%s  %s (%s)%n", watch.orgId(), watch.org().name(), watch.org().type());
        for (WatchRule rule : watch.rules()) {
          out.printf("    %-16s %s%n", rule.id(), rule.query());
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
