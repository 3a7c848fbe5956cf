package io.nhslistener.app.bench;

import io.nhslistener.core.model.OrgType;
import io.nhslistener.core.model.Watch;
import io.nhslistener.streams.match.workload.RuleGenerator;
import java.util.List;

/**
 * The benchmark's watchlist, from the matching benchmarks' {@link RuleGenerator} (names, abbreviations, hashtags,
 * handles, phrases, proximity and exclusions over real place names), and the organisations that get a burst of
 * mentions. Burst organisations are trusts and ICBs, whose name rule matches a post that names them in full.
 *
 * @param watches the generated watchlist
 * @param spiking organisations that get a burst, at most the number asked for (fewer when the watchlist has fewer
 *     trusts and ICBs)
 */
record BenchWorkload(List<Watch> watches, List<Watch> spiking) {

  static BenchWorkload generate(BenchOptions options) {
    List<Watch> watches = RuleGenerator.generate(options.orgs(), options.rules(), options.seed());
    List<Watch> spiking = watches.stream()
        .filter(watch -> watch.org().type() == OrgType.TRUST || watch.org().type() == OrgType.ICB)
        .limit(options.spikeOrgs())
        .toList();
    return new BenchWorkload(watches, spiking);
  }

  int ruleCount() {
    return watches.stream().mapToInt(BenchWorkload::rulesOf).sum();
  }

  /** Monitor rules of one watch: its rules, plus the implicit handles rule when it has handles. */
  private static int rulesOf(Watch watch) {
    return watch.rules().size() + (watch.org().handles().isEmpty() ? 0 : 1);
  }
}
