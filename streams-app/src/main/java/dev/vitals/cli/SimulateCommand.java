package dev.vitals.cli;

import dev.vitals.simulate.HistorySimulator;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Writes a realistic, seeded history of a SaaS customer base as JSON lines, ending now (or at --end):"
        + " healthy, declining, churning, dormant, expanding and onboarding accounts, with costs.")
final class SimulateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--accounts", defaultValue = "50", description = "Accounts to simulate (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--days", defaultValue = "90", description = "Days of history (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--end", paramLabel = "INSTANT",
      description = "When the history ends, e.g. 2026-06-30T00:00:00Z (default: now).")
  Instant end;

  @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "Where to write the events.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (accounts < 1 || days < 1) {
      throw new UserError("--accounts and --days must be at least 1", 2);
    }
    Instant until = end == null ? Instant.now() : end;
    HistorySimulator simulator = new HistorySimulator(seed, accounts, until.minus(Duration.ofDays(days)), days);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    long events;
    try (Writer writer = Files.newBufferedWriter(out)) {
      events = simulator.writeJsonLines(writer);
    }
    spec.commandLine().getOut().printf("wrote %d events for %d accounts over %d days to %s%n", events, accounts, days,
        out);
    return 0;
  }
}
