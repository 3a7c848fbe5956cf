package io.nhslistener.alerts.nab;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Renders a {@link NabReport} for people, ending with one machine-readable JSON line
 * {@code {"files":…,"windows":…,"standard":…,"low_fp":…,"low_fn":…}} (normalised scores, two decimals).
 */
public final class NabReportRenderer {
  private NabReportRenderer() {}

  /** Writes the per-file table, the raw totals, the normalised scores and the JSON line, then flushes. */
  public static void render(NabReport report, PrintWriter out) {
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-62s %6s %4s %5s", "file", "rows", "win", "det"));
    report.profiles().forEach(p -> head.append(String.format(Locale.ROOT, " %12s", shortName(p))));
    out.println(head);
    for (NabReport.FileResult file : report.files()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-62s %6d %4d %5d", file.name(), file.rows(),
          file.windows(), file.detections()));
      report.profiles().forEach(p -> line.append(String.format(Locale.ROOT, " %12.6f", file.scores().get(p).score())));
      out.println(line);
    }
    StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "%-62s %6d %4d %5d", "total raw score",
        report.files().stream().mapToInt(NabReport.FileResult::rows).sum(), report.windowCount(),
        report.files().stream().mapToInt(NabReport.FileResult::detections).sum()));
    report.profiles().forEach(p -> total.append(String.format(Locale.ROOT, " %12.6f", report.rawScore(p))));
    out.println(total);
    StringBuilder normalised = new StringBuilder(String.format(Locale.ROOT, "%-80s", "normalised NAB score"));
    report.profiles().forEach(p -> normalised.append(String.format(Locale.ROOT, " %12.2f", report.normalisedScore(p))));
    out.println(normalised);
    out.println(jsonLine(report));
    out.flush();
  }

  /** The closing JSON line alone. */
  public static String jsonLine(NabReport report) {
    StringJoiner json = new StringJoiner(",", "{", "}");
    json.add("\"files\":" + report.files().size());
    json.add("\"windows\":" + report.windowCount());
    report.profiles().forEach(p -> json.add(String.format(Locale.ROOT, "\"%s\":%.2f", shortName(p),
        report.normalisedScore(p))));
    return json.toString();
  }

  /** {@code standard}, {@code low_fp}, {@code low_fn} for NAB's profiles; other names lower-cased. */
  static String shortName(CostProfile profile) {
    return profile.name().replaceFirst("^reward_", "").replaceFirst("_rate$", "").toLowerCase(Locale.ROOT);
  }
}
