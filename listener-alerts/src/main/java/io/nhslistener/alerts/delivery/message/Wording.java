package io.nhslistener.alerts.delivery.message;

import io.nhslistener.core.model.Alert;
import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.SampleMention;
import io.nhslistener.core.model.TermCount;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The plain-English phrases every channel's message is built from, so that Slack, Teams, e-mail and the log say the
 * same thing. Times are stated in one configured zone. Thread-safe.
 */
public final class Wording {
  /** Most sample posts a message shows per alert. */
  public static final int MAX_SAMPLES = 5;
  /** Most top terms a message lists per alert. */
  public static final int MAX_TERMS = 5;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

  private final ZoneId zone;

  public Wording(ZoneId zone) {
    this.zone = zone;
  }

  /** One line saying what happened to whom: "HIGH: surge in mentions of Northshire Hospitals". */
  public String headline(AlertView view) {
    Alert alert = view.alert();
    String what = kindPhrase(alert.kind()) + " of " + view.orgName();
    return switch (alert.status()) {
      case FIRING -> alert.severity() + ": " + what;
      case ESCALATED -> "Now " + alert.severity() + ": " + what;
      case RESOLVED -> "Resolved: " + what + " has ended";
    };
  }

  /**
   * The detector's one plain sentence, with the organisation's id replaced by its display name (the detector knows
   * only the id), ending with a full stop.
   */
  public String sentence(AlertView view) {
    String orgId = view.alert().orgId();
    Pattern id = Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(orgId) + "(?![a-z0-9-])");
    String text = id.matcher(view.alert().explanation().strip()).replaceAll(Matcher.quoteReplacement(view.orgName()));
    return text.isEmpty() || text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
  }

  /** When the episode began, or for a resolved alert when it ran: "since 14:20 on Tue 3 Jun". */
  public String since(Alert alert) {
    ZonedDateTime since = alert.since().atZone(zone);
    if (alert.status() != AlertStatus.RESOLVED) {
      return "since " + TIME.format(since) + " on " + DAY.format(since);
    }
    ZonedDateTime end = alert.windowEnd().atZone(zone);
    String endText = since.toLocalDate().equals(end.toLocalDate())
        ? TIME.format(end)
        : TIME.format(end) + " on " + DAY.format(end);
    return "from " + TIME.format(since) + " on " + DAY.format(since) + " to " + endText;
  }

  /** The top terms with their counts, "ambulance (40), a&e (22)", or "none" when the alert lists none. */
  public String topTerms(Alert alert) {
    List<TermCount> terms = alert.topTerms();
    if (terms.isEmpty()) {
      return "none";
    }
    return terms.stream().limit(MAX_TERMS).map(t -> t.term() + " (" + t.count() + ")")
        .collect(Collectors.joining(", "));
  }

  /** Up to {@link #MAX_SAMPLES} sample posts. */
  public List<SampleMention> samples(Alert alert) {
    return alert.samples().stream().limit(MAX_SAMPLES).toList();
  }

  /**
   * What a message is about, in one line: its subject, Slack's notification text and a group's title. A single
   * alert's headline, "3 alerts for A, B, C" or "Quiet-hours digest: 3 alerts for …".
   */
  public String heading(Notification notification) {
    int count = notification.alerts().size();
    String alerts = count == 1 ? "1 alert" : count + " alerts";
    return switch (notification.kind()) {
      case SINGLE -> headline(notification.only());
      case GROUP -> alerts + " for " + organisations(notification);
      case DIGEST -> "Quiet-hours digest: " + alerts + " for " + organisations(notification);
    };
  }

  /** "Severity HIGH" style label. */
  public String severity(Alert alert) {
    return alert.status() == AlertStatus.RESOLVED ? alert.severity() + " (resolved)" : alert.severity().toString();
  }

  /** What a kind of alert is called in a message. */
  public static String kindPhrase(AlertKind kind) {
    return switch (kind) {
      case VOLUME_SPIKE -> "surge in mentions";
      case SENTIMENT_DROP -> "drop in sentiment";
    };
  }

  private static String organisations(Notification notification) {
    List<String> names = notification.alerts().stream().map(AlertView::orgName).distinct().toList();
    if (names.size() <= 3) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }
}
