package io.nhslistener.app.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The summary printed when the demo stops. */
public final class DemoSummary {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private DemoSummary() {}

  /** Prints mentions, echoes, matches per organisation and alerts with their times. */
  public static void print(PrintWriter out, DemoRun run, Duration elapsed) {
    DemoProgress.Counts counts = run.counts();
    Map<String, Long> matched = run.matchedByOrganisation();
    Map<String, String> names = run.organisationNames();
    synchronized (out) {
      out.println();
      out.printf("Summary after %ds%n", elapsed.toSeconds());
      out.printf("  mentions in      %,8d%n", counts.in());
      out.printf("  unique voices    %,8d%n", counts.unique());
      out.printf("  echoes removed   %,8d  (reposts and copy-paste)%n", counts.echoes());
      out.printf("  duplicates       %,8d  (redeliveries)%n", counts.duplicates());
      out.println("  matched per organisation:");
      names.forEach((id, name) -> out.printf("    %-45s %,6d%n", name, matched.getOrDefault(id, 0L)));
      out.printf("  alerts           %8d%n", run.alerts().size());
      for (AlertPrinter.Seen seen : run.alerts()) {
        var alert = seen.alert();
        out.printf("    %s %-8s %-14s %-9s %s (scenario time %s)%n", alert.status(), alert.severity(), alert.kind(),
            alert.orgId(), names.getOrDefault(alert.orgId(), ""), CLOCK.format(run.scenarioTime(alert.windowStart())));
      }
      long delivered = run.deliveries().size();
      long repeated = run.deliveries().values().stream().filter(n -> n > 1).count();
      out.printf("  webhook sink     %8d alerts received, %d more than once (%s)%n", delivered, repeated,
          run.sinkFile());
      out.flush();
    }
  }
}
