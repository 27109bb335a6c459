package dev.vitals.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A soak's output: a line per sample on the terminal, and its section of {@code docs/reliability.md} (a table per
 * period and the goals' verdicts), written between the soak's markers so the rest of that file is kept.
 */
final class SoakReport {
  static final String START = "<!-- soak:results:start -->";
  static final String END = "<!-- soak:results:end -->";
  private static final String NEW_FILE_HEAD = "# Reliability and security\n\n";

  private SoakReport() {}

  static String line(SoakSample sample) {
    return String.format("  %5ds %-6s fed %,11d  committed %,11d  lag %,9d  RSS %,6d MiB%s  errors %d",
        sample.at().toSeconds(), sample.phase(), sample.sent(), sample.committed(), sample.lag(), sample.rss() >> 20,
        sample.measuredHeap() ? String.format("  live heap %,6d MiB", sample.liveHeap() >> 20) : "",
        sample.errors()) + sample.strain().describe();
  }

  static void write(Path file, String section) throws IOException {
    MarkedSection.write(file, START, END, section, NEW_FILE_HEAD + section);
  }

  static String section(MachineInfo machine, SoakCommand.Settings settings, SoakResults results) {
    StringBuilder text = new StringBuilder(START).append('\n');
    text.append("### Latest soak: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(settings.smoke() ? " (smoke: small numbers, not a measurement of Vitals)" : "").append("\n\n");
    text.append("Machine: ").append(String.join("; ", machine.lines())).append(".\n\n");
    SoakPlan plan = results.plan();
    text.append(String.format("Backlog of %,d events over %,d accounts, %d partitions per account topic; the"
            + " exactly-once pipeline committed it at %,.0f events/s. Live usage events were then fed to that same"
            + " instance at %,.0f events/s (half) for %s, at %.0fx for %s, and at the steady rate again while the"
            + " lag drained. Lag is the group's, as the broker sees it; live heap is read after a full GC.%n%n",
        settings.backlogEvents(), settings.accounts(), settings.partitions(), results.throughput(), plan.rate(),
        plan.steady(), plan.spikeFactor(), plan.spike()));
    text.append("| period | phase | fed events/s | committed events/s | max lag (records) | live heap MiB |"
        + " RSS MiB | ERROR logs |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (List<SoakSample> period : periods(results.samples(), period(plan))) {
      text.append(row(period)).append('\n');
    }
    text.append("\n| goal | measured | met |\n|---|---|---|\n");
    for (BenchResults.Goal goal : results.goals()) {
      text.append("| ").append(goal.goal()).append(" | ").append(goal.measured()).append(" | ")
          .append(goal.met() ? "met" : "**not met**").append(" |\n");
    }
    return text.append(END).append('\n').toString();
  }

  /** A minute per row for a real soak; shorter rows for a smoke run, so it still has a few. */
  private static Duration period(SoakPlan plan) {
    return plan.steady().compareTo(Duration.ofMinutes(5)) >= 0 ? Duration.ofMinutes(1) : Duration.ofSeconds(10);
  }

  /** Consecutive samples of one period and one phase: a phase change starts a new row, so a spike has its own. */
  private static List<List<SoakSample>> periods(List<SoakSample> samples, Duration period) {
    List<List<SoakSample>> periods = new ArrayList<>();
    long current = -1;
    SoakPlan.Phase phase = null;
    for (SoakSample sample : samples) {
      long index = sample.at().toMillis() / period.toMillis();
      if (index != current || sample.phase() != phase) {
        periods.add(new ArrayList<>());
        current = index;
        phase = sample.phase();
      }
      periods.get(periods.size() - 1).add(sample);
    }
    return periods;
  }

  private static String row(List<SoakSample> period) {
    SoakSample first = period.get(0);
    SoakSample last = period.get(period.size() - 1);
    double seconds = Math.max(1e-3, last.at().minus(first.at()).toNanos() / 1e9);
    String rates = period.size() < 2 ? "- | -" : String.format("%,.0f | %,.0f",
        (last.sent() - first.sent()) / seconds, (last.committed() - first.committed()) / seconds);
    long heap = period.stream().filter(SoakSample::measuredHeap).mapToLong(SoakSample::liveHeap).max().orElse(-1);
    return String.format("| %ds–%ds | %s | %s | %,d | %s | %,d | %d |", first.at().toSeconds(),
        last.at().toSeconds(), last.phase(), rates, period.stream().mapToLong(SoakSample::lag).max().orElse(0),
        heap < 0 ? "-" : String.format("%,d", heap >> 20),
        period.stream().mapToLong(SoakSample::rss).max().orElse(0) >> 20, last.errors());
  }
}
