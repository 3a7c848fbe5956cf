package io.nhslistener.app.reliability;

import java.time.Duration;

/**
 * Sizes of the fault scenarios. The default {@code mvn verify} runs smaller but still meaningful versions so that the
 * whole build stays short on a 2-core machine; {@code mvn verify -Preliability} sets the full sizes of issue 9 through
 * these system properties (see the {@code reliability} profile of {@code listener-app/pom.xml}).
 */
final class ReliabilityScale {
  private ReliabilityScale() {}

  /** Mentions replayed through the pipeline while it is killed (issue: 200,000; default 20,000). */
  static int crashMentions() {
    return Integer.getInteger("reliability.crash.mentions", 20_000);
  }

  /** SIGKILLs of the pipeline during the crash scenario (issue: at least 10, in both sizes). */
  static int crashKills() {
    return Integer.getInteger("reliability.crash.kills", 10);
  }

  /** Mentions replayed through the broker outage and scale-out scenarios. */
  static int flowMentions() {
    return Integer.getInteger("reliability.flow.mentions", 6_000);
  }

  /** How long the webhook receiver stays down (issue: 2 minutes; default 20 s). */
  static Duration receiverOutage() {
    return Duration.ofSeconds(Integer.getInteger("reliability.receiver.outageSeconds", 20));
  }

  /** Fuzzed records per input topic (issue: 10,000 each; default 2,000 each, 10,000 in all). */
  static int poisonPerTopic() {
    return Integer.getInteger("reliability.poison.perTopic", 2_000);
  }

  /** A label for logs and docs: which size ran. */
  static String label() {
    return Boolean.getBoolean("reliability.full") ? "full (-Preliability)" : "default verify";
  }
}
