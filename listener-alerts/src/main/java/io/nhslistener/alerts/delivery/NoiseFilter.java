package io.nhslistener.alerts.delivery;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides which alert records are worth a message, from the records alone:
 * <ul>
 *   <li><b>cool-down</b>: a new alert (FIRING) of an organisation and kind within {@code cooldown} of the last one
 *       notified is suppressed, and so is its resolved notice;</li>
 *   <li>escalations are always notified: the situation got worse;</li>
 *   <li>a resolved notice goes out when its episode was notified (or is unknown: better one notice too many than a
 *       comms officer left thinking an alert is still on);</li>
 *   <li>the same alert id at another offset is a duplicate (a re-run of the detector) and is suppressed.</li>
 * </ul>
 * Time is the alerts' own event time (window end), never the wall clock, so replaying the same records after a restart
 * rebuilds exactly the same state; and a record seen again at the same offset gets its earlier decision back.
 * State is per organisation, and an organisation's alerts share one partition, so partitions are independent.
 * Not thread-safe: used by the delivery thread only.
 */
final class NoiseFilter {
  /** Why a record was or was not notified. */
  enum Verdict {
    NOTIFY,
    COOLDOWN,
    DUPLICATE,
    EPISODE_SUPPRESSED
  }

  /**
   * A decision.
   *
   * @param verdict notify or why not
   * @param routingSeverity the severity that chooses routes: the highest the episode reached
   */
  record Decision(Verdict verdict, Severity routingSeverity) {
    boolean sends() {
      return verdict == Verdict.NOTIFY;
    }
  }

  private record Seen(int partition, long offset, Decision decision, Instant at) {}

  private static final class Episode {
    boolean notified;
    Severity highest;
    Instant lastSeen;

    Episode(Severity severity, Instant at) {
      this.highest = severity;
      this.lastSeen = at;
    }
  }

  /** Prune state every this many decisions. */
  private static final int PRUNE_EVERY = 1_000;

  private final Duration cooldown;
  private final Duration memory;
  private final Map<String, Seen> seen = new HashMap<>();
  private final Map<String, Instant> lastNotified = new HashMap<>();
  private final Map<String, Episode> episodes = new HashMap<>();
  private Instant latest = Instant.EPOCH;
  private int sincePrune;

  /**
   * @param cooldown suppression interval after a notified alert; zero disables cool-down
   * @param memory how long alert ids and open episodes are remembered without news (duplicates older than this are
   *     not recognised); at least the cool-down
   */
  NoiseFilter(Duration cooldown, Duration memory) {
    this.cooldown = cooldown;
    this.memory = memory.compareTo(cooldown) < 0 ? cooldown : memory;
  }

  Decision decide(Alert alert, int partition, long offset) {
    Seen before = seen.get(alert.id());
    if (before != null) {
      return before.partition() == partition && before.offset() == offset
          ? before.decision()
          : new Decision(Verdict.DUPLICATE, before.decision().routingSeverity());
    }
    Instant at = alert.windowEnd();
    if (at.isAfter(latest)) {
      latest = at;
    }
    Decision decision = switch (alert.status()) {
      case FIRING -> firing(alert, at);
      case ESCALATED -> escalated(alert, at);
      case RESOLVED -> resolved(alert);
    };
    seen.put(alert.id(), new Seen(partition, offset, decision, at));
    if (++sincePrune >= PRUNE_EVERY) {
      prune();
    }
    return decision;
  }

  private Decision firing(Alert alert, Instant at) {
    String kindKey = alert.orgId() + '|' + alert.kind();
    Episode episode = episodes.computeIfAbsent(episodeKey(alert), k -> new Episode(alert.severity(), at));
    episode.lastSeen = at;
    episode.highest = max(episode.highest, alert.severity());
    Instant last = lastNotified.get(kindKey);
    if (last != null && Duration.between(last, at).compareTo(cooldown) < 0) {
      return new Decision(Verdict.COOLDOWN, episode.highest);
    }
    episode.notified = true;
    lastNotified.put(kindKey, at);
    return new Decision(Verdict.NOTIFY, episode.highest);
  }

  private Decision escalated(Alert alert, Instant at) {
    Episode episode = episodes.computeIfAbsent(episodeKey(alert), k -> new Episode(alert.severity(), at));
    episode.lastSeen = at;
    episode.highest = max(episode.highest, alert.severity());
    episode.notified = true;
    lastNotified.put(alert.orgId() + '|' + alert.kind(), at);
    return new Decision(Verdict.NOTIFY, episode.highest);
  }

  private Decision resolved(Alert alert) {
    Episode episode = episodes.remove(episodeKey(alert));
    if (episode == null) {
      return new Decision(Verdict.NOTIFY, alert.severity());
    }
    Severity highest = max(episode.highest, alert.severity());
    return new Decision(episode.notified ? Verdict.NOTIFY : Verdict.EPISODE_SUPPRESSED, highest);
  }

  private void prune() {
    sincePrune = 0;
    Instant horizon = latest.minus(memory);
    seen.values().removeIf(s -> s.at().isBefore(horizon));
    episodes.values().removeIf(e -> e.lastSeen.isBefore(horizon));
    lastNotified.values().removeIf(at -> at.isBefore(horizon));
  }

  private static String episodeKey(Alert alert) {
    return alert.orgId() + '|' + alert.kind() + '|' + alert.since();
  }

  private static Severity max(Severity a, Severity b) {
    return a.atLeast(b) ? a : b;
  }
}
